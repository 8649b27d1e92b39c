package org.advrisk.data;

/**
 * Loads DuckDB's native library (the Parquet reader's engine, about 0.2 s) on a daemon thread, so that the
 * loading overlaps the command line's start instead of delaying the reading of a Parquet table. A later
 * reading waits for it if it is still under way; nothing read depends on it, and a failure here is left to
 * the reading, which reports it for its file.
 */
public final class ParquetPreload {
    private ParquetPreload() {
    }

    /** Starts the loading and returns at once. */
    public static void inBackground() {
        Thread t = new Thread(() -> {
            try {
                ParquetTable.connect().close();
            } catch (java.sql.SQLException | RuntimeException | LinkageError e) {
                // the reading opens its own connection and names the problem
            }
        }, "advrisk-duckdb-preload");
        t.setDaemon(true);
        t.start();
    }
}
