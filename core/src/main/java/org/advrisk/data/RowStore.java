package org.advrisk.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed rows of a table (p features and the target, p + 1 doubles a row, in file order), kept
 * after one reading so that later passes (per split: the Gram, the test residuals) cost no parsing.
 * Up to {@code memoryCells} values stay on the heap; beyond that every row goes to a temporary binary
 * file (8·(p + 1) bytes a row, deleted when the JVM exits), so the heap holds O(block), whatever the
 * length of the table. The values are the parsed doubles bit for bit.
 */
public final class RowStore {
    private static final int IO_BYTES = 1 << 22;

    private final int width;
    private final long memoryCells;
    private final List<double[]> blocks = new ArrayList<>();
    private final List<Integer> blockRows = new ArrayList<>();
    private long rows;
    private Path spill;
    private FileChannel out;
    private ByteBuffer buffer;

    /** A store of rows with {@code width} = p + 1 values, on the heap up to {@code memoryCells} values. */
    public RowStore(int width, long memoryCells) {
        this.width = width;
        this.memoryCells = memoryCells;
    }

    /** Appends the first {@code count} rows of {@code xy} (row-major, width values each); keeps the array when on the heap. */
    public void append(double[] xy, int count) {
        if (count == 0) {
            return;
        }
        try {
            if (out == null && (rows + count) * (long) width > memoryCells) {
                startSpill();
            }
            if (out == null) {
                blocks.add(xy.length == count * width ? xy : java.util.Arrays.copyOf(xy, count * width));
                blockRows.add(count);
            } else {
                write(xy, count);
            }
            rows += count;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot keep the parsed rows in " + System.getProperty("java.io.tmpdir")
                    + " (" + e.getMessage() + "); free room there or point -Djava.io.tmpdir elsewhere (ADVRISK_JAVA_OPTS)");
        }
    }

    /**
     * Tells the store how many rows to expect in all (an estimate): when they would not stay on the heap,
     * the rows go to the temporary file from now on, instead of filling the heap first and moving.
     */
    public void expect(long totalRows) {
        if (out == null && totalRows * (double) width > memoryCells) {
            try {
                startSpill();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot keep the parsed rows in " + System.getProperty("java.io.tmpdir")
                        + " (" + e.getMessage() + "); free room there or point -Djava.io.tmpdir elsewhere (ADVRISK_JAVA_OPTS)");
            }
        }
    }

    /** Ends appending; returns this. */
    public RowStore finish() {
        if (out != null) {
            try {
                flushBuffer();
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out = null;
        }
        return this;
    }

    /** Rows stored. */
    public long rows() {
        return rows;
    }

    /** Whether the rows live in a temporary file. */
    public boolean spilled() {
        return spill != null;
    }

    /** Visits every row in order: x (p values, reused) and y. */
    public void forEach(Rows.Visitor v) {
        int p = width - 1;
        double[] x = new double[p];
        if (spill == null) {
            int i = 0;
            for (int b = 0; b < blocks.size(); b++) {
                double[] xy = blocks.get(b);
                int n = blockRows.get(b);
                for (int r = 0; r < n; r++) {
                    System.arraycopy(xy, r * width, x, 0, p);
                    v.row(i++, x, xy[r * width + p]);
                }
            }
            return;
        }
        int rowsPerRead = Math.max(1, IO_BYTES / (8 * width));
        ByteBuffer bb = ByteBuffer.allocateDirect(rowsPerRead * width * 8).order(ByteOrder.nativeOrder());
        double[] chunk = new double[rowsPerRead * width];
        try (FileChannel in = FileChannel.open(spill, StandardOpenOption.READ)) {
            long i = 0;
            while (i < rows) {
                bb.clear();
                int want = (int) Math.min(rowsPerRead, rows - i);
                bb.limit(want * width * 8);
                while (bb.hasRemaining()) {
                    if (in.read(bb) < 0) {
                        throw new IOException("the temporary file " + spill + " is shorter than written");
                    }
                }
                bb.flip();
                bb.asDoubleBuffer().get(chunk, 0, want * width);
                for (int r = 0; r < want; r++) {
                    System.arraycopy(chunk, r * width, x, 0, p);
                    v.row((int) (i + r), x, chunk[r * width + p]);
                }
                i += want;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the temporary file, if any. */
    public void delete() {
        if (spill != null) {
            try {
                Files.deleteIfExists(spill);
            } catch (IOException e) {
                // best effort: deleteOnExit remains
            }
        }
    }

    private void startSpill() throws IOException {
        spill = Files.createTempFile("advrisk-rows-", ".bin");
        spill.toFile().deleteOnExit();
        out = FileChannel.open(spill, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        buffer = ByteBuffer.allocateDirect(IO_BYTES - IO_BYTES % (8 * width) + 8 * width).order(ByteOrder.nativeOrder());
        for (int b = 0; b < blocks.size(); b++) {
            write(blocks.get(b), blockRows.get(b));
        }
        blocks.clear();
        blockRows.clear();
    }

    private void write(double[] xy, int count) throws IOException {
        int total = count * width;
        int at = 0;
        while (at < total) {
            DoubleBuffer db = buffer.asDoubleBuffer();
            int room = buffer.remaining() / 8;
            int n = Math.min(room, total - at);
            db.put(xy, at, n);
            buffer.position(buffer.position() + n * 8);
            at += n;
            if (!buffer.hasRemaining()) {
                flushBuffer();
            }
        }
    }

    private void flushBuffer() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }
}
