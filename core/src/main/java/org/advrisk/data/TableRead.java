package org.advrisk.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One reading of a CSV/TSV table: the pieces parsed in parallel ({@link CsvPieces}) are checked and
 * stored in file order ({@link RowStore}); then the whole-table checks of the original reader (missing
 * cells under {@link MissingPolicy#REFUSE}, no rows, fewer than two usable rows), with its messages.
 *
 * @param store   the usable rows
 * @param rows    usable rows
 * @param dropped rows dropped for missing cells
 */
record TableRead(RowStore store, long rows, long dropped) {
    /** Values kept on the heap at most; larger tables go to a temporary file. */
    static long memoryCells = defaultMemoryCells();

    /**
     * A sixteenth of the maximum heap (in doubles), at least 4·10⁶ values: 2·10⁵ × 100 stays on the heap
     * with the default heap of a machine with 8 GB or more (writing and reading the file back cost about
     * 0.15 s of CPU there), while the heap never holds more than a sixteenth of itself in rows.
     */
    static long defaultMemoryCells() {
        return Math.max(4_000_000L, Runtime.getRuntime().maxMemory() / 16 / 8);
    }

    static TableRead csv(CsvSource source, List<String> header, int[] featureIndex, int targetIndex, MissingPolicy missing,
                         ReadProgress progress) {
        return csv(source, header, featureIndex, targetIndex, missing, progress, Runtime.getRuntime().availableProcessors());
    }

    /** As above with {@code threads} parsing threads (the rows are the same for any number). */
    static TableRead csv(CsvSource source, List<String> header, int[] featureIndex, int targetIndex, MissingPolicy missing,
                         ReadProgress progress, int threads) {
        int p = featureIndex.length;
        int[] slotOf = new int[header.size()];
        java.util.Arrays.fill(slotOf, -1);
        for (int k = 0; k < p; k++) {
            slotOf[featureIndex[k]] = k;
        }
        slotOf[targetIndex] = p;
        String[] names = header.toArray(new String[0]);
        CsvChunkParser parser = new CsvChunkParser(source.delimiter(), header.size(), slotOf, p, names);
        String kind = source.delimiter() == '\t' ? "TSV" : "CSV";
        for (boolean followQuotes : new boolean[] {false, true}) {
            Totals t = new Totals(source.label(), names, p + 1, missing, progress, source.size());
            try (InputStream in = source.bytes()) {
                CsvPieces.read(in, parser, source.delimiter(), threads, followQuotes, t::accept,
                        e -> new IllegalArgumentException(source.label() + ": cannot be read as " + kind + ": " + e.getMessage()));
                return t.finish();
            } catch (CsvPieces.Restart r) {
                t.store.delete();
            } catch (IOException e) {
                throw new UncheckedIOException(source.label() + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                t.store.delete();
                throw e;
            }
        }
        throw new IllegalStateException("unreachable: the quote-following reading does not restart");
    }

    /** Adds up the pieces in file order and applies the original reader's checks. */
    static final class Totals {
        final RowStore store;
        private final String label;
        private final String[] names;
        private final MissingPolicy missing;
        private final ReadProgress progress;
        private final long totalBytes;
        private final List<long[]> firstMissing = new ArrayList<>();
        private long records;
        private long dropped;
        private long bytes;

        Totals(String label, String[] names, int width, MissingPolicy missing, ReadProgress progress, long totalBytes) {
            this.label = label;
            this.names = names;
            this.missing = missing;
            this.progress = progress;
            this.totalBytes = totalBytes;
            this.store = new RowStore(width, memoryCells);
        }

        void accept(ParsedChunk c) {
            if (c.errorRecord > 0) {
                throw new IllegalArgumentException(label + ": row " + (records + c.errorRecord) + c.errorText);
            }
            if (c.fatal != null) {
                throw new IllegalArgumentException(label + ": cannot be read as CSV: " + c.fatal + " (after row " + (records + c.records) + ")");
            }
            for (long[] m : c.firstMissing) {
                if (firstMissing.size() < CsvTable.SHOW_ROWS) {
                    firstMissing.add(new long[] {records + m[0], m[1]});
                }
            }
            dropped += c.missing;
            if (store.rows() + c.usable > Integer.MAX_VALUE - 1) {
                throw new IllegalArgumentException(label + ": more than " + Integer.MAX_VALUE + " rows");
            }
            if (records == 0 && c.records > 0 && c.bytes > 0 && totalBytes > 0) {
                store.expect((long) (1.1 * c.records * ((double) totalBytes / c.bytes))); // from the first piece's bytes a row
            }
            store.append(c.xy, c.usable);
            records += c.records;
            bytes += c.bytes;
            progress.update(bytes, totalBytes, records, false);
        }

        TableRead finish() {
            store.finish();
            progress.update(bytes, totalBytes, records, true);
            long usable = store.rows();
            if (dropped > 0 && missing == MissingPolicy.REFUSE) {
                store.delete();
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < firstMissing.size(); i++) {
                    long[] m = firstMissing.get(i);
                    sb.append(i == 0 ? "" : ", ").append(m[0]).append(" ('").append(names[(int) m[1]]).append("')");
                }
                throw new IllegalArgumentException(label + ": " + dropped + " row(s) have missing cells, first: rows "
                        + sb + "; use --missing drop to drop them");
            }
            if (records == 0) {
                store.delete();
                throw new IllegalArgumentException(label + ": no data rows after the header (at least 2 are needed)");
            }
            if (usable < 2) {
                store.delete();
                throw new IllegalArgumentException(label + ": only " + usable + " usable row(s)"
                        + (dropped > 0 ? " after dropping " + dropped + " with missing cells" : "") + "; at least 2 are needed");
            }
            return new TableRead(store, usable, dropped);
        }
    }
}
