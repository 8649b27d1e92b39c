package org.advrisk.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV/TSV or Parquet table: the header (or schema) is resolved once against a {@link ColumnSpec}; the
 * first {@link #forEach} (or {@link #count}) reads the file once, in parallel pieces added in file order
 * ({@link TableRead}, {@link ParquetTable}), parsing only the used columns, and keeps the parsed rows
 * ({@link RowStore}: on the heap when small, else in a temporary binary file), which every later pass
 * visits without parsing.
 *
 * <p>Checks (each an {@link IllegalArgumentException} with a one-line message): an empty file,
 * duplicate header names, unknown target/feature/drop names, a cell that is not a finite number
 * (naming row, column and value), a record with the wrong number of fields, missing cells (empty,
 * NA, NaN, null, ?) unless {@link MissingPolicy#DROP}, fewer than two usable rows. Rows are
 * numbered from 1 after the header.
 */
public final class CsvTable implements Rows {
    /** How many row numbers a missing-cell message lists. */
    static final int SHOW_ROWS = 5;

    private final CsvSource source;
    private final List<String> header;
    private final List<String> features;
    private final String target;
    private final int[] featureIndex;
    private final int targetIndex;
    private final List<String> skipped;
    private final MissingPolicy missing;
    private final List<ParquetTable.Column> parquetColumns;
    private long rows = -1;
    private long dropped = -1;
    private TableRead read;
    private ReadProgress progress = ReadProgress.NONE;

    private CsvTable(CsvSource source, List<String> header, List<String> features, String target,
                     List<String> skipped, MissingPolicy missing, List<ParquetTable.Column> parquetColumns) {
        this.source = source;
        this.parquetColumns = parquetColumns;
        this.header = header;
        this.features = List.copyOf(features);
        this.target = target;
        this.skipped = List.copyOf(skipped);
        this.missing = missing;
        Map<String, Integer> pos = positions(header);
        this.featureIndex = features.stream().mapToInt(pos::get).toArray();
        this.targetIndex = pos.get(target);
    }

    /** Reads the header (and the first data row, to tell numeric columns from others) and resolves the columns. */
    public static CsvTable open(CsvSource source, ColumnSpec spec, MissingPolicy missing) {
        List<String> header;
        List<String> first;
        List<ParquetTable.Column> columns = source.parquet() ? ParquetTable.schema(source) : null;
        if (columns != null) {
            header = new ArrayList<>(columns.stream().map(ParquetTable.Column::name).toList());
            first = columns.stream().map(c -> c.numeric() ? "0" : "x").toList();
        } else try (CSVParser parser = source.open()) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                throw new IllegalArgumentException(source.label() + ": the file is empty (a header line is required)");
            }
            header = new ArrayList<>(it.next().toList());
            if (header.size() == 1 && header.get(0).isEmpty()) {
                throw new IllegalArgumentException(source.label() + ": the file is empty (a header line is required)");
            }
            first = it.hasNext() ? it.next().toList() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(source.label() + ": cannot be read as " + (source.delimiter() == '\t' ? "TSV" : "CSV")
                    + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < header.size(); j++) {
            String h = header.get(j);
            if (h.isEmpty()) {
                throw new IllegalArgumentException(source.label() + ": header column " + (j + 1) + " has no name");
            }
            if (!seen.add(h)) {
                throw new IllegalArgumentException(source.label() + ": duplicate column name '" + h + "' in the header");
            }
        }
        if (first == null) {
            throw new IllegalArgumentException(source.label() + ": no data rows after the header (at least 2 are needed)");
        }
        requireKnown(source, header, "target", List.of(spec.target()));
        requireKnown(source, header, "drop", spec.drop());
        if (spec.drop().contains(spec.target())) {
            throw new IllegalArgumentException("drop: '" + spec.target() + "' is the target; drop another column");
        }
        List<String> features = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (spec.features() != null) {
            requireKnown(source, header, "features", spec.features());
            Set<String> uniq = new LinkedHashSet<>();
            for (String f : spec.features()) {
                if (!uniq.add(f)) {
                    throw new IllegalArgumentException("features: '" + f + "' is listed twice");
                }
                if (f.equals(spec.target())) {
                    throw new IllegalArgumentException("features: '" + f + "' is the target; list other columns");
                }
                if (!spec.drop().contains(f)) {
                    features.add(f);
                }
            }
        } else {
            for (int j = 0; j < header.size(); j++) {
                String h = header.get(j);
                if (h.equals(spec.target()) || spec.drop().contains(h)) {
                    continue;
                }
                String cell = j < first.size() ? first.get(j) : "";
                if (isMissing(cell) || parse(cell) != null) {
                    features.add(h);
                } else {
                    skipped.add(h);
                }
            }
        }
        if (features.isEmpty()) {
            throw new IllegalArgumentException(source.label() + ": no feature columns left (target '" + spec.target()
                    + "'" + (skipped.isEmpty() ? "" : ", non-numeric: " + String.join(",", skipped)) + ")");
        }
        return new CsvTable(source, header, features, spec.target(), skipped, missing, columns);
    }

    /**
     * Checks that a test table has exactly the training table's column names (in any order) and
     * resolves the training features in it.
     */
    public CsvTable sameColumns(CsvSource test) {
        List<String> testHeader;
        if (test.parquet()) {
            testHeader = new ArrayList<>(ParquetTable.schema(test).stream().map(ParquetTable.Column::name).toList());
        } else try (CSVParser parser = test.open()) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                throw new IllegalArgumentException(test.label() + ": the file is empty (a header line is required)");
            }
            testHeader = new ArrayList<>(it.next().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!testHeader.isEmpty() && testHeader.get(0).startsWith("\uFEFF")) {
            testHeader.set(0, testHeader.get(0).substring(1));
        }
        Set<String> mine = new LinkedHashSet<>(header);
        Set<String> theirs = new LinkedHashSet<>(testHeader);
        if (!mine.equals(theirs)) {
            Set<String> lacking = new LinkedHashSet<>(mine);
            lacking.removeAll(theirs);
            Set<String> extra = new LinkedHashSet<>(theirs);
            extra.removeAll(mine);
            throw new IllegalArgumentException("test: the columns of '" + test.label() + "' differ from the training file"
                    + (lacking.isEmpty() ? "" : "; missing: " + shortList(lacking))
                    + (extra.isEmpty() ? "" : "; extra: " + shortList(extra)));
        }
        return open(test, new ColumnSpec(target, features, List.of()), missing);
    }

    @Override
    public List<String> featureNames() {
        return features;
    }

    @Override
    public String targetName() {
        return target;
    }

    /** Columns left out of the default feature list because their first value is not a number. */
    public List<String> skippedColumns() {
        return skipped;
    }

    /** The file's label. */
    public String label() {
        return source.label();
    }

    /** Usable rows (after a first {@link #forEach} or {@link #count}). */
    public long rows() {
        if (rows < 0) {
            count();
        }
        return rows;
    }

    /** Rows dropped for missing cells under {@link MissingPolicy#DROP}. */
    public long dropped() {
        if (dropped < 0) {
            count();
        }
        return dropped;
    }

    /** Reads the file (once: later calls reuse the reading) to validate and count it; returns the usable rows. */
    public long count() {
        reading();
        return rows;
    }

    /** Shows the progress of the reading (called from the reading thread). */
    public void onProgress(ReadProgress listener) {
        this.progress = listener == null ? ReadProgress.NONE : listener;
    }

    /** Whether the parsed rows were kept in a temporary file (the table was too large for the heap). */
    public boolean spilled() {
        return reading().store().spilled();
    }

    @Override
    public void forEach(Visitor v) {
        reading().store().forEach(v);
    }

    private TableRead reading() {
        if (read == null) {
            read = parquetColumns != null
                    ? ParquetTable.read(source, parquetColumns, featureIndex, targetIndex, missing, progress)
                    : TableRead.csv(source, header, featureIndex, targetIndex, missing, progress);
            rows = read.rows();
            dropped = read.dropped();
        }
        return read;
    }

    /** A missing cell: empty, NA, N/A, NaN, null, ? (any case). */
    static boolean isMissing(String cell) {
        return CsvNumbers.isMissing(cell);
    }

    /** The finite number in the cell (CSV number syntax, {@link CsvNumbers}), or null. */
    static Double parse(String cell) {
        double d = CsvNumbers.parse(cell);
        return Double.isNaN(d) ? null : d;
    }

    private static void requireKnown(CsvSource source, List<String> header, String flag, List<String> names) {
        Set<String> known = new HashSet<>(header);
        for (String n : names) {
            if (!known.contains(n)) {
                throw new IllegalArgumentException(flag + ": unknown column '" + n + "' in " + source.label()
                        + "; columns: " + shortList(header));
            }
        }
    }

    private static Map<String, Integer> positions(List<String> header) {
        Map<String, Integer> m = new HashMap<>();
        for (int j = 0; j < header.size(); j++) {
            m.put(header.get(j), j);
        }
        return m;
    }

    static String shortList(java.util.Collection<String> names) {
        List<String> l = new ArrayList<>(names);
        if (l.size() <= 8) {
            return String.join(",", l);
        }
        return String.join(",", l.subList(0, 6)) + ",… (" + l.size() + " in all)";
    }

}
