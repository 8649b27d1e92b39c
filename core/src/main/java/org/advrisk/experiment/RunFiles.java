package org.advrisk.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.advrisk.io.AtomicFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The files of a run directory other than the journal: atomic replacement ({@link AtomicFiles}),
 * {@code results.csv}, and what an unfinished or foreign directory holds.
 */
final class RunFiles {
    private static final String ROW = ResultStore.ROW;
    private static final String ROWS = ResultStore.ROWS;
    private static final String MANIFEST = ResultStore.MANIFEST;
    private static final String RESULTS = ResultStore.RESULTS;
    private static final String LOCK = ResultStore.LOCK;

    private RunFiles() {
    }

    /** Writes rows as CSV; columns are the union in first-seen order, bookkeeping columns dropped. */
    static void writeCsv(Path target, List<Map<String, Object>> rows) throws IOException {
        LinkedHashSet<String> cols = new LinkedHashSet<>();
        for (Map<String, Object> r : rows) {
            cols.addAll(r.keySet());
        }
        cols.remove(ROW);
        cols.remove(ROWS);
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader(cols.toArray(String[]::new)).get();
        AtomicFiles.write(target, w -> {
            CSVPrinter printer = new CSVPrinter(w, format);
            for (Map<String, Object> r : rows) {
                List<Object> values = new ArrayList<>(cols.size());
                for (String c : cols) {
                    values.add(r.get(c));
                }
                printer.printRecord(values);
            }
            printer.flush();
        });
    }

    /** A non-empty directory without a manifest that holds anything but our lock file is not ours. */
    static void refuseForeign(Path dir) throws IOException {
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(MANIFEST)) && !onlyBookkeeping(dir)) {
            throw new IllegalArgumentException("out: " + dir + " is not empty and holds no advrisk run (no "
                    + MANIFEST + "); allowed: a new or empty directory, or a run to resume");
        }
    }

    /** True when the directory holds nothing, or only what a run that died before its manifest leaves. */
    static boolean onlyBookkeeping(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(f -> {
                String name = f.getFileName().toString();
                try {
                    return name.equals(LOCK) || name.equals(MANIFEST + ".tmp")
                            || (name.equals(RESULTS) && Files.size(f) == 0);
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

}
