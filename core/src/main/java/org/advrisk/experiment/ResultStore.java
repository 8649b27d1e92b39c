package org.advrisk.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The run directory: {@code results.jsonl} (one JSON line per row; each finished trial is appended
 * in one write and forced to disk), {@code results.csv} (derived, sorted in sweep order) and
 * {@code manifest.json} (spec, seed, versions, machine, times, status).
 *
 * <p>Opening a directory that already holds the same spec resumes it: complete trials are kept and
 * skipped, a trial cut off by a crash is dropped. A different spec, or a non-empty directory that is
 * not a run, is refused. Only one process may use a directory at a time.
 */
public final class ResultStore implements ResultSink {
    /** File names inside a run directory. */
    public static final String RESULTS = "results.jsonl";
    public static final String CSV = "results.csv";
    public static final String MANIFEST = "manifest.json";
    /** Bookkeeping columns of results.jsonl (trial_key is kept in the CSV, the other two are not). */
    public static final String KEY = "trial_key";
    static final String ROW = "row_of_trial";
    static final String ROWS = "rows_of_trial";

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;
    private final ObjectNode manifest;
    private final Set<String> finished;
    private final int recoveredLines;

    private ResultStore(Path dir, FileChannel channel, FileLock lock, ObjectNode manifest, Set<String> finished,
                        int recoveredLines) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
        this.manifest = manifest;
        this.finished = finished;
        this.recoveredLines = recoveredLines;
    }

    /**
     * Opens (creates or resumes) the run directory for {@code spec}.
     *
     * @param specSource where the spec came from (a file path or a description), for the resume hint
     */
    public static ResultStore open(Path dir, Spec spec, RunEnvironment env, String specSource, int threads,
                                   int totalTrials) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("out: " + dir + " is a file; allowed: a new or empty directory, or a run to resume");
        }
        Path manifestPath = dir.resolve(MANIFEST);
        ObjectNode manifest;
        String now = Instant.now().toString();
        if (Files.exists(manifestPath)) {
            manifest = readManifest(dir);
            JsonNode old = manifest.get("spec");
            // Round-trip through the mapper so numbers compare as they are read back (ints as longs).
            ObjectNode fresh = (ObjectNode) Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(spec.toTree()));
            if (!fresh.equals(old)) {
                throw new IllegalArgumentException("out: " + dir + " holds results of a different spec ("
                        + firstDifference(old, fresh) + "); rerun with the same spec to resume, or choose another --out");
            }
        } else {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    if (s.findAny().isPresent()) {
                        throw new IllegalArgumentException("out: " + dir + " is not empty and holds no advrisk run (no "
                                + MANIFEST + "); allowed: a new or empty directory, or a run to resume");
                    }
                }
            }
            Files.createDirectories(dir);
            manifest = JsonNodeFactory.instance.objectNode();
            manifest.put("format", "advrisk-run/1");
            manifest.set("spec", spec.toTree());
            manifest.put("spec_source", specSource);
            manifest.put("seed", spec.seed());
            manifest.put("started", now);
            manifest.putArray("sessions");
        }
        FileChannel ch = FileChannel.open(dir.resolve(RESULTS), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new IllegalArgumentException("out: " + dir + " is in use by another advrisk run; wait for it or choose another --out");
        }
        Scan scan = scan(Files.readAllBytes(dir.resolve(RESULTS)));
        if (scan.validEnd < ch.size()) {
            ch.truncate(scan.validEnd);
            ch.force(true);
        }
        ch.position(ch.size());
        Set<String> done = Collections.synchronizedSet(new LinkedHashSet<>(scan.trials.keySet()));
        manifest.set("environment", env.toTree());
        manifest.put("status", "running");
        manifest.remove("finished");
        ObjectNode session = ((ArrayNode) manifest.get("sessions")).addObject();
        session.put("started", now);
        session.put("threads", threads);
        session.put("trials_done_before", done.size());
        ObjectNode counts = manifest.putObject("trials");
        counts.put("total", totalTrials);
        counts.put("done", done.size());
        ResultStore store = new ResultStore(dir, ch, lock, manifest, done, scan.droppedLines);
        store.writeManifest();
        return store;
    }

    /** Keys of the trials already complete on disk. */
    public Set<String> finished() {
        synchronized (finished) {
            return Set.copyOf(finished);
        }
    }

    /** Lines of a trial cut off by an earlier crash that were dropped on opening. */
    public int recoveredLines() {
        return recoveredLines;
    }

    /** The run directory. */
    public Path dir() {
        return dir;
    }

    /** Appends the rows of one finished trial in a single write and forces them to disk. */
    public synchronized void append(Trial trial, List<Map<String, Object>> rows) throws IOException {
        if (rows.isEmpty()) {
            throw new IllegalStateException("trial " + trial.key() + " produced no rows");
        }
        String key = trial.key();
        if (finished.contains(key)) {
            throw new IllegalStateException("trial " + key + " is already stored");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(KEY, key);
            m.putAll(rows.get(i));
            m.put(ROW, i);
            m.put(ROWS, rows.size());
            sb.append(Json.line(m)).append('\n');
        }
        ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        channel.force(false);
        finished.add(key);
    }

    /**
     * Ends a session: derives results.csv in sweep order and records the status. When every trial is
     * done, results.jsonl is rewritten in sweep order too (so runs with any thread count give
     * identical files).
     */
    public synchronized void finish(List<Trial> order, String status) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        for (Trial t : order) {
            index.put(t.key(), t.index());
        }
        Scan scan = scan(Files.readAllBytes(dir.resolve(RESULTS)));
        List<String> keys = new ArrayList<>(scan.trials.keySet());
        keys.sort(Comparator.comparingInt(k -> index.getOrDefault(k, Integer.MAX_VALUE)));
        boolean complete = index.keySet().equals(scan.trials.keySet());
        if (complete) {
            StringBuilder sb = new StringBuilder();
            for (String k : keys) {
                for (Map<String, Object> row : scan.trials.get(k)) {
                    sb.append(Json.line(row)).append('\n');
                }
            }
            writeAtomically(dir.resolve(RESULTS), sb.toString());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String k : keys) {
            rows.addAll(scan.trials.get(k));
        }
        writeCsv(dir.resolve(CSV), rows);
        String now = Instant.now().toString();
        manifest.put("status", status);
        ((ObjectNode) manifest.get("trials")).put("done", scan.trials.size());
        ArrayNode sessions = (ArrayNode) manifest.get("sessions");
        ObjectNode session = (ObjectNode) sessions.get(sessions.size() - 1);
        session.put("ended", now);
        session.put("status", status);
        if (complete) {
            manifest.put("finished", now);
        }
        writeManifest();
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel.isOpen()) {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        }
    }

    /** The rows of a run directory's complete trials, in file order, bookkeeping columns dropped. */
    public static List<Map<String, Object>> readRows(Path dir) throws IOException {
        Path f = dir.resolve(RESULTS);
        if (!Files.exists(f)) {
            throw new IllegalArgumentException("dir: " + dir + " has no " + RESULTS + "; is it an advrisk run directory?");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Map<String, Object>> trial : scan(Files.readAllBytes(f)).trials.values()) {
            for (Map<String, Object> row : trial) {
                Map<String, Object> m = new LinkedHashMap<>(row);
                m.remove(ROW);
                m.remove(ROWS);
                out.add(m);
            }
        }
        return out;
    }

    /** The manifest of a run directory. */
    public static ObjectNode readManifest(Path dir) throws IOException {
        Path f = dir.resolve(MANIFEST);
        if (!Files.exists(f)) {
            throw new IllegalArgumentException("dir: " + dir + " has no " + MANIFEST + "; is it an advrisk run directory?");
        }
        JsonNode n = Json.MAPPER.readTree(f.toFile());
        if (!(n instanceof ObjectNode o) || !o.has("spec")) {
            throw new IllegalArgumentException("dir: " + f + " is not an advrisk manifest");
        }
        return o;
    }

    private void writeManifest() throws IOException {
        writeAtomically(dir.resolve(MANIFEST), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
    }

    static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes rows as CSV; columns are the union in first-seen order, bookkeeping columns dropped. */
    static void writeCsv(Path target, List<Map<String, Object>> rows) throws IOException {
        LinkedHashSet<String> cols = new LinkedHashSet<>();
        for (Map<String, Object> r : rows) {
            cols.addAll(r.keySet());
        }
        cols.remove(ROW);
        cols.remove(ROWS);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader(cols.toArray(String[]::new)).get();
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(w, format)) {
            for (Map<String, Object> r : rows) {
                List<Object> values = new ArrayList<>(cols.size());
                for (String c : cols) {
                    values.add(r.get(c));
                }
                printer.printRecord(values);
            }
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String firstDifference(JsonNode old, ObjectNode fresh) {
        if (old == null || !old.isObject()) {
            return "the manifest has no spec";
        }
        for (Iterator<String> it = fresh.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fresh.get(f).equals(old.get(f))) {
                return f + ": " + (old.get(f) == null ? "absent" : old.get(f).toString()) + " there, "
                        + fresh.get(f) + " here";
            }
        }
        return "fields differ";
    }

    /** What a results.jsonl holds: complete trials in file order and where the valid part ends. */
    private record Scan(LinkedHashMap<String, List<Map<String, Object>>> trials, long validEnd, int droppedLines) {
    }

    private static Scan scan(byte[] bytes) {
        LinkedHashMap<String, List<Map<String, Object>>> trials = new LinkedHashMap<>();
        long validEnd = 0;
        int start = 0;
        String currentKey = null;
        List<Map<String, Object>> current = null;
        int lines = 0;
        int linesAtValid = 0;
        int totalLines = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                totalLines++;
            }
        }
        if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
            totalLines++;
        }
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end >= bytes.length) {
                break; // an unterminated last line: cut off mid-write
            }
            String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            LinkedHashMap<String, Object> row;
            try {
                row = Json.row(line);
            } catch (IOException e) {
                break;
            }
            Object key = row.get(KEY);
            Object ri = row.get(ROW);
            Object rn = row.get(ROWS);
            if (!(key instanceof String k) || !(ri instanceof Number i) || !(rn instanceof Number cnt)) {
                break;
            }
            int idx = i.intValue();
            if (idx == 0) {
                if (current != null || trials.containsKey(k)) {
                    break;
                }
                currentKey = k;
                current = new ArrayList<>();
            } else if (current == null || !k.equals(currentKey) || idx != current.size()) {
                break;
            }
            current.add(row);
            lines++;
            start = end + 1;
            if (idx == cnt.intValue() - 1) {
                trials.put(currentKey, current);
                current = null;
                currentKey = null;
                validEnd = start;
                linesAtValid = lines;
            }
        }
        return new Scan(trials, validEnd, totalLines - linesAtValid);
    }
}
