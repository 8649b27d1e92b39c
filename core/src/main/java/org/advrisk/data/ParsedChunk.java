package org.advrisk.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one piece of a table, parsed independently of the others: the usable rows (features and
 * target, row-major p + 1 doubles a row), the records read (for row numbers), the rows with missing cells
 * (count and the first few, numbered within the piece) and the first error, whose row number the reader
 * completes once the pieces before it are counted.
 */
final class ParsedChunk {
    /** p + 1 doubles per usable row: the features, then the target. */
    double[] xy;
    /** Usable rows in {@link #xy}. */
    int usable;
    /** Records read (rows of the file, empty lines not counted). */
    long records;
    /** Records with a missing cell in a used column. */
    long missing;
    /** Record numbers (1-based within the piece) and columns of the first missing cells. */
    final List<long[]> firstMissing = new ArrayList<>();
    /** Record (1-based within the piece) of the first error, or 0. */
    long errorRecord;
    /** The error's text after "row R" (e.g. ", column 'c': 'x' is not a finite number"). */
    String errorText;
    /** A problem without a row (e.g. the file ends inside a quoted field), or null. */
    String fatal;
    /** Whether the piece ended inside a quoted field (its cut was not a record boundary). */
    boolean endsInQuote;
    /** The raw bytes the piece covered (for the progress display). */
    long bytes;

    ParsedChunk(int width, int capacityRows) {
        this.xy = new double[Math.max(1, capacityRows) * width];
    }

    /** Gives the rows as a list view (for tests). */
    List<double[]> rows(int width) {
        List<double[]> out = new ArrayList<>();
        for (int r = 0; r < usable; r++) {
            out.add(java.util.Arrays.copyOfRange(xy, r * width, (r + 1) * width));
        }
        return out;
    }
}
