package org.advrisk.data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Parquet file read through DuckDB's embedded engine (its JDBC driver carries the native library):
 * the schema (column names and types) and the used columns' values, row by row in file order, with the
 * CSV reader's rules: a null or NaN cell is missing ({@link MissingPolicy}), ±∞ is not a finite number,
 * a non-numeric or nested column is named when it is used. Integers are converted exactly as parsing
 * their decimal text would (round to nearest), FLOAT is widened exactly, DECIMAL and 64-bit unsigned or
 * larger integers are read as text and parsed by {@link CsvNumbers}.
 */
final class ParquetTable {
    /** A column and its DuckDB type name. */
    record Column(String name, String type) {
        /** Whether the type is a flat number. */
        boolean numeric() {
            String t = type.toUpperCase(Locale.ROOT);
            return !nested() && (t.matches("(U)?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)") || t.equals("FLOAT")
                    || t.equals("DOUBLE") || t.startsWith("DECIMAL"));
        }

        /** Whether the type is a list, array, struct, map or union. */
        boolean nested() {
            String t = type.toUpperCase(Locale.ROOT);
            return t.endsWith("]") || t.startsWith("STRUCT") || t.startsWith("MAP") || t.startsWith("UNION");
        }

        private int kind() {
            String t = type.toUpperCase(Locale.ROOT);
            if (t.equals("DOUBLE")) {
                return 0;
            }
            if (t.equals("FLOAT")) {
                return 1;
            }
            if (t.matches("(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER)")) {
                return 2;
            }
            return 3; // read as text
        }
    }

    private ParquetTable() {
    }

    /** The columns of the file, in order. */
    static List<Column> schema(CsvSource source) {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + literal(source) + ")")) {
            List<Column> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Column(rs.getString(1), rs.getString(2)));
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException(source.label() + ": the Parquet file has no columns");
            }
            return out;
        } catch (SQLException e) {
            throw unreadable(source, e);
        }
    }

    /** Reads the used columns (features in order, then the target) into a store, with the CSV reader's checks. */
    static TableRead read(CsvSource source, List<Column> columns, int[] featureIndex, int targetIndex, MissingPolicy missing,
                          ReadProgress progress) {
        int p = featureIndex.length;
        int width = p + 1;
        int[] col = new int[width];
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int k = 0; k < width; k++) {
            col[k] = k < p ? featureIndex[k] : targetIndex;
            Column c = columns.get(col[k]);
            String role = k < p ? "feature" : "target";
            if (c.nested()) {
                throw new IllegalArgumentException(source.label() + ": column '" + c.name() + "' has the nested type " + c.type()
                        + "; a " + role + " must be a flat numeric column");
            }
            if (!c.numeric()) {
                throw new IllegalArgumentException(source.label() + ": column '" + c.name() + "' has the type " + c.type()
                        + ", not a number; a " + role + " must be numeric");
            }
            String q = "\"" + c.name().replace("\"", "\"\"") + "\"";
            sql.append(k == 0 ? "" : ", ").append(c.kind() == 3 ? "CAST(" + q + " AS VARCHAR)" : q);
        }
        sql.append(" FROM read_parquet(").append(literal(source)).append(")");
        int[] kind = new int[width];
        String[] names = new String[width];
        for (int k = 0; k < width; k++) {
            kind[k] = columns.get(col[k]).kind();
            names[k] = columns.get(col[k]).name();
        }
        String[] header = columns.stream().map(Column::name).toArray(String[]::new);
        TableRead.Totals totals = new TableRead.Totals(source.label(), header, width, missing, progress, -1);
        int block = Math.max(1, Math.min(8192, (1 << 20) / width));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET preserve_insertion_order = true");
            try (ResultSet count = s.executeQuery("SELECT count(*) FROM read_parquet(" + literal(source) + ")")) {
                if (count.next()) {
                    totals.store.expect(count.getLong(1)); // from the file's metadata
                }
            }
            try (ResultSet rs = s.executeQuery(sql.toString())) {
                ParsedChunk piece = new ParsedChunk(width, block);
                while (rs.next()) {
                    piece.records++;
                    int base = piece.usable * width;
                    int hole = -1;
                    for (int k = 0; k < width; k++) {
                        double v = value(rs, k + 1, kind[k]);
                        // DOUBLE/FLOAT: a null reads as NaN, and NaN is missing too; other kinds ask the driver
                        if (kind[k] < 2 ? Double.isNaN(v) : rs.wasNull()) {
                            hole = k;
                            break;
                        }
                        if (!Double.isFinite(v)) {
                            piece.errorRecord = piece.records;
                            piece.errorText = ", column '" + names[k] + "': '" + text(rs, k + 1, kind[k])
                                    + "' is not a finite number";
                            totals.accept(piece);
                        }
                        piece.xy[base + k] = v;
                    }
                    if (hole >= 0) {
                        piece.missing++;
                        if (piece.firstMissing.size() < CsvTable.SHOW_ROWS) {
                            piece.firstMissing.add(new long[] {piece.records, col[hole]});
                        }
                    } else {
                        piece.usable++;
                    }
                    if (piece.usable == block || piece.records >= 4L * block) {
                        totals.accept(piece);
                        piece = new ParsedChunk(width, block);
                    }
                }
                totals.accept(piece);
            }
            return totals.finish();
        } catch (SQLException e) {
            totals.store.delete();
            throw unreadable(source, e);
        } catch (RuntimeException e) {
            totals.store.delete();
            throw e;
        }
    }

    private static double value(ResultSet rs, int i, int kind) throws SQLException {
        return switch (kind) {
            case 0 -> rs.getDouble(i);
            case 1 -> rs.getFloat(i);
            case 2 -> rs.getLong(i);
            default -> {
                String t = rs.getString(i);
                yield t == null ? Double.NaN : CsvNumbers.parse(t.trim());
            }
        };
    }

    private static String text(ResultSet rs, int i, int kind) throws SQLException {
        return kind == 3 ? rs.getString(i) : Double.toString(kind == 1 ? rs.getFloat(i) : rs.getDouble(i));
    }

    private static Connection connect() throws SQLException {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the DuckDB driver is missing from the class path", e);
        }
        java.util.Properties props = new java.util.Properties();
        props.setProperty("jdbc_stream_results", "true"); // rows arrive chunk by chunk: the result is never held whole
        return DriverManager.getConnection("jdbc:duckdb:", props);
    }

    private static String literal(CsvSource source) {
        if (source.path() == null) {
            throw new IllegalArgumentException(source.label() + ": a Parquet table must be a file");
        }
        return "'" + source.path().toAbsolutePath().toString().replace("'", "''") + "'";
    }

    private static IllegalArgumentException unreadable(CsvSource source, SQLException e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        m = nl >= 0 ? m.substring(0, nl).strip() : m;
        return new IllegalArgumentException(source.label() + ": cannot be read as Parquet: " + m);
    }
}
