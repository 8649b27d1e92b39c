package org.advrisk.data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.DuckDBReadableVector;

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
        return read(source, columns, featureIndex, targetIndex, missing, progress, Runtime.getRuntime().availableProcessors());
    }

    /** As above with row groups read on up to {@code threads} connections (the rows are the same for any number). */
    static TableRead read(CsvSource source, List<Column> columns, int[] featureIndex, int targetIndex, MissingPolicy missing,
                          ReadProgress progress, int cores) {
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
            sql.append(k == 0 ? "" : ", ").append(c.kind() == 3 ? "CAST(" + q + " AS VARCHAR)" : c.kind() == 2 ? "CAST(" + q + " AS BIGINT)" : q);
        }
        int[] kind = new int[width];
        String[] names = new String[width];
        for (int k = 0; k < width; k++) {
            kind[k] = columns.get(col[k]).kind();
            names[k] = columns.get(col[k]).name();
        }
        String[] header = columns.stream().map(Column::name).toArray(String[]::new);
        TableRead.Totals totals = new TableRead.Totals(source.label(), header, width, missing, progress, -1);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET preserve_insertion_order = true");
            long[] groups = rowGroups(s, source);
            totals.store.expect(java.util.Arrays.stream(groups).sum()); // from the file's metadata
            long widest = java.util.Arrays.stream(groups).max().orElse(0);
            int threads = Math.min(cores, groups.length);
            boolean ownRowNumbers = columns.stream().anyMatch(x -> x.name().equalsIgnoreCase("file_row_number"));
            if (threads >= 2 && threads * widest * width * 8 <= Runtime.getRuntime().maxMemory() / 8 && !ownRowNumbers) {
                readGroups(c.unwrap(DuckDBConnection.class), sql.toString(), literal(source), groups, threads, kind, names,
                        col, totals);
            } else {
                // one stream (one row group, one core, or row groups too large to hold one per core)
                try (DuckDBPreparedStatement ps = c.unwrap(DuckDBConnection.class).prepare(sql + " FROM read_parquet("
                        + literal(source) + ")"); DuckDBChunkedResult result = ps.query()) {
                    ChunkRows rows = new ChunkRows(kind, names, col);
                    while (result.nextChunk() && rows.add(result.chunk(), totals::accept)) {
                        // each full piece goes to the totals
                    }
                    rows.finish(totals::accept);
                }
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

    /** Rows of each row group, in file order (from the file's metadata). */
    private static long[] rowGroups(Statement s, CsvSource source) throws SQLException {
        List<Long> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT row_group_id, any_value(row_group_num_rows) FROM parquet_metadata("
                + literal(source) + ") GROUP BY row_group_id ORDER BY row_group_id")) {
            while (rs.next()) {
                rows.add(rs.getLong(2));
            }
        }
        return rows.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Reads the row groups on {@code threads} connections of one database, up to {@code threads} groups at a time
     * (each a query of its own rows, pruned by DuckDB from the metadata), and hands their pieces to the totals in
     * file order: the same rows, checks and messages as one stream, for any number of threads.
     */
    private static void readGroups(DuckDBConnection first, String select, String file, long[] groups, int threads, int[] kind,
                                   String[] names, int[] col, TableRead.Totals totals) throws SQLException {
        java.util.concurrent.BlockingQueue<DuckDBConnection> idle = new java.util.concurrent.LinkedBlockingQueue<>();
        List<DuckDBConnection> opened = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "advrisk-parquet");
            t.setDaemon(true);
            return t;
        });
        try {
            try (Statement s = first.createStatement()) {
                s.execute("SET threads = 1"); // each query on its own connection's thread: the parallelism is ours
            }
            for (int t = 0; t < threads; t++) {
                DuckDBConnection d = (DuckDBConnection) first.duplicate();
                opened.add(d);
                try (Statement s = d.createStatement()) {
                    s.execute("SET preserve_insertion_order = true");
                }
                idle.add(d);
            }
            java.util.ArrayDeque<java.util.concurrent.Future<List<ParsedChunk>>> inFlight = new java.util.ArrayDeque<>();
            long[] start = new long[groups.length + 1];
            for (int g = 0; g < groups.length; g++) {
                start[g + 1] = start[g] + groups[g];
            }
            int next = 0;
            for (int g = 0; g < groups.length; g++) {
                while (next < groups.length && next < g + threads) {
                    String query = select + " FROM read_parquet(" + file + ", file_row_number = true) WHERE file_row_number >= "
                            + start[next] + " AND file_row_number < " + start[next + 1];
                    inFlight.add(pool.submit(() -> group(idle, query, kind, names, col)));
                    next++;
                }
                for (ParsedChunk piece : await(inFlight.poll())) {
                    totals.accept(piece);
                }
            }
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (DuckDBConnection d : opened) {
                d.close();
            }
        }
    }

    private static List<ParsedChunk> group(java.util.concurrent.BlockingQueue<DuckDBConnection> idle, String query, int[] kind,
                                           String[] names, int[] col) throws SQLException, InterruptedException {
        DuckDBConnection c = idle.take();
        try (DuckDBPreparedStatement ps = c.prepare(query); DuckDBChunkedResult result = ps.query()) {
            ChunkRows rows = new ChunkRows(kind, names, col);
            List<ParsedChunk> pieces = new ArrayList<>();
            while (result.nextChunk() && rows.add(result.chunk(), pieces::add)) {
                // the pieces wait for their turn in file order
            }
            rows.finish(pieces::add);
            return pieces;
        } finally {
            idle.add(c);
        }
    }

    private static List<ParsedChunk> await(java.util.concurrent.Future<List<ParsedChunk>> f) throws SQLException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading Parquet", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof SQLException q) {
                throw q;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * One DuckDB chunk as a piece of rows, column by column: every cell is read once, and per row the first
     * used column (in order) that is missing (null, or NaN for DOUBLE/FLOAT) or not finite decides the row's
     * fate, as reading the row cell by cell would: missing drops it, not finite is the error at that row.
     */
    static final class ChunkRows {
        /** DuckDB's rows per chunk (at most). */
        private static final int CHUNK = 2048;
        /**
         * A piece holds as many whole chunks as fit in 4 MB (tests lower it): an array of half a G1 region or more
         * (2 MB with the 6 GB default heap of a 24 GB machine, less with smaller heaps) skips the young generation,
         * so the collector never copies the rows, and the row store keeps a full piece's array as it is.
         */
        static int pieceBytes = 4 << 20;

        private final int[] kind;
        private final String[] names;
        private final int[] col;
        private final int capacity;
        private int[] first = new int[CHUNK];
        private boolean[] bad = new boolean[CHUNK];
        private ParsedChunk piece;

        ChunkRows(int[] kind, String[] names, int[] col) {
            this.kind = kind;
            this.names = names;
            this.col = col;
            this.capacity = CHUNK * Math.max(1, pieceBytes / (CHUNK * 8 * kind.length));
        }

        /**
         * Adds one chunk's rows to the current piece, handing full pieces to {@code out}; false when the chunk holds an
         * error (its piece, ending at that row, has gone to {@code out} and the reading should stop).
         */
        boolean add(DuckDBDataChunkReader chunk, java.util.function.Consumer<ParsedChunk> out) {
            int n = Math.toIntExact(chunk.rowCount());
            if (piece != null && piece.usable + n > capacity) {
                out.accept(piece);
                piece = null;
            }
            if (piece == null) {
                piece = new ParsedChunk(kind.length, Math.max(capacity, n));
            }
            if (!convert(chunk, n, piece)) {
                out.accept(piece);
                piece = null;
                return false;
            }
            return true;
        }

        /** Hands the last piece to {@code out}. */
        void finish(java.util.function.Consumer<ParsedChunk> out) {
            if (piece != null) {
                out.accept(piece);
                piece = null;
            }
        }

        /** Appends the chunk's usable rows to the piece after its own; false at a row that is not finite. */
        private boolean convert(DuckDBDataChunkReader chunk, int n, ParsedChunk piece) {
            int width = kind.length;
            if (first.length < n) {
                first = new int[n];
                bad = new boolean[n];
            }
            java.util.Arrays.fill(first, 0, n, -1);
            int base = piece.usable * width;
            double[] xy = piece.xy;
            for (int k = 0; k < width; k++) {
                DuckDBReadableVector v = chunk.vector(k);
                switch (kind[k]) { // one loop per kind, one driver call per cell: null and NaN are both missing
                    case 0 -> {
                        for (int r = 0; r < n; r++) {
                            double x = v.getDouble(r, Double.NaN);
                            xy[base + r * width + k] = x;
                            if (first[r] < 0 && !Double.isFinite(x)) {
                                first[r] = k;
                                bad[r] = !Double.isNaN(x);
                            }
                        }
                    }
                    case 1 -> {
                        for (int r = 0; r < n; r++) {
                            double x = v.getFloat(r, Float.NaN);
                            xy[base + r * width + k] = x;
                            if (first[r] < 0 && !Double.isFinite(x)) {
                                first[r] = k;
                                bad[r] = !Double.isNaN(x);
                            }
                        }
                    }
                    default -> {
                        for (int r = 0; r < n; r++) {
                            boolean isNull = v.isNull(r);
                            double x = isNull ? Double.NaN : kind[k] == 2 ? v.getLong(r) : CsvNumbers.parse(v.getString(r).trim());
                            xy[base + r * width + k] = x;
                            if (first[r] < 0 && (isNull || !Double.isFinite(x))) {
                                first[r] = k;
                                bad[r] = !isNull && !Double.isNaN(x);
                            }
                        }
                    }
                }
            }
            int out = piece.usable;
            for (int r = 0; r < n; r++) {
                piece.records++;
                int k = first[r];
                if (k >= 0 && bad[r]) {
                    piece.errorRecord = piece.records;
                    piece.errorText = ", column '" + names[k] + "': '" + text(chunk.vector(k), r, kind[k])
                            + "' is not a finite number";
                    piece.usable = out;
                    return false;
                }
                if (k >= 0) {
                    piece.missing++;
                    if (piece.firstMissing.size() < CsvTable.SHOW_ROWS) {
                        piece.firstMissing.add(new long[] {piece.records, col[k]});
                    }
                    continue;
                }
                int at = piece.usable + r;
                if (out != at) {
                    System.arraycopy(xy, at * width, xy, out * width, width);
                }
                out++;
            }
            piece.usable = out;
            return true;
        }
    }

    private static String text(DuckDBReadableVector v, int r, int kind) {
        return kind == 3 ? v.getString(r) : Double.toString(kind == 1 ? v.getFloat(r) : v.getDouble(r));
    }

    static Connection connect() throws SQLException {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the DuckDB driver is missing from the class path", e);
        }
        if (!nativeLibraryFound()) {
            throw new IllegalArgumentException("Parquet needs DuckDB's native library (" + NATIVE + ") next to advrisk.jar, "
                    + "as the build leaves it in app/target; it is not there (copy it beside the jar)");
        }
        java.util.Properties props = new java.util.Properties();
        props.setProperty("jdbc_stream_results", "true"); // rows arrive chunk by chunk: the result is never held whole
        try {
            return DriverManager.getConnection("jdbc:duckdb:", props);
        } catch (LinkageError | IllegalStateException e) {
            // the driver loads its native library from the jar, java.library.path or the jar's folder (where the build
            // puts it next to advrisk.jar); a jar copied elsewhere alone cannot read Parquet
            throw new IllegalArgumentException("Parquet needs DuckDB's native library (libduckdb_java.so_linux_amd64) next to "
                    + "advrisk.jar, as the build leaves it in app/target; it could not be loaded (" + e + ")");
        }
    }

    /** DuckDB's native library for the one platform the jar ships (its driver's name for it). */
    private static final String NATIVE = "libduckdb_java.so_linux_amd64";

    /**
     * Whether the driver will find its library: inside the jar it was loaded from (the Maven dependency, in tests) or
     * next to it (advrisk.jar), or on java.library.path; on another platform the driver is left to look for itself.
     */
    private static boolean nativeLibraryFound() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return true;
        }
        try {
            Class<?> driver = Class.forName("org.duckdb.DuckDBDriver");
            if (driver.getResource("/" + NATIVE) != null) {
                return true;
            }
            java.security.CodeSource code = driver.getProtectionDomain().getCodeSource();
            if (code != null && java.nio.file.Files.exists(java.nio.file.Path.of(code.getLocation().toURI()).resolveSibling(NATIVE))) {
                return true;
            }
        } catch (ClassNotFoundException | java.net.URISyntaxException | RuntimeException e) {
            return true; // let the driver report what it finds
        }
        for (String dir : System.getProperty("java.library.path", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && java.nio.file.Files.exists(java.nio.file.Path.of(dir, "libduckdb_java.so"))) {
                return true;
            }
        }
        return false;
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
