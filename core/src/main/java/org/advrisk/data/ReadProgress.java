package org.advrisk.data;

/** Receives the progress of one reading of a table (from the reading thread, after each piece). */
@FunctionalInterface
public interface ReadProgress {
    /**
     * @param bytes      bytes of text (or of the file, for Parquet) read so far
     * @param totalBytes the total when known (a plain file's size), else −1
     * @param rows       records read so far
     * @param done       whether this is the last call of the reading
     */
    void update(long bytes, long totalBytes, long rows, boolean done);

    /** Reports nothing. */
    ReadProgress NONE = (b, t, r, d) -> { };
}
