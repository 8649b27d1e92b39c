package org.advrisk.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.advrisk.random.OrderedParallel;

/**
 * Reads a delimited text stream in pieces of about {@value #PIECE} bytes cut at line ends, parses the
 * pieces on worker threads ({@link CsvChunkParser}) and hands the results to one consumer in file order,
 * so whatever the consumer adds up, it adds in the same order for any number of threads. A cut that
 * falls inside a quoted field (a quoted line break) is noticed by the piece's parser: the reading is then
 * redone with cuts found by following the quotes from the start ({@link Restart}).
 */
final class CsvPieces {
    static final int PIECE = 1 << 22;
    /** The piece size in use (tests make it small to cut tables into many pieces). */
    static int pieceBytes = PIECE;

    /** Receives the parsed pieces in file order. */
    interface Consumer {
        void accept(ParsedChunk piece);
    }

    /** Thrown to the caller when a cut fell inside a quoted field: read again with {@code followQuotes}. */
    static final class Restart extends RuntimeException {
        Restart() {
            super("a piece ended inside a quoted field", null, false, false);
        }
    }

    private CsvPieces() {
    }

    /** Reads {@code in} to the end; throws {@link Restart} (only when not {@code followQuotes}), or the consumer's exceptions. */
    static void read(InputStream in, CsvChunkParser parser, char delimiter, int threads, boolean followQuotes, Consumer consumer,
                     java.util.function.Function<IOException, RuntimeException> ioError) {
        int t = Math.max(1, threads);
        ExecutorService pool = OrderedParallel.pool(t, "advrisk-csv");
        BlockingQueue<Future<ParsedChunk>> queue = new ArrayBlockingQueue<>(2 * t + 1);
        Thread producer = new Thread(() -> produce(in, parser, (byte) delimiter, followQuotes, pool, queue), "advrisk-csv-read");
        producer.setDaemon(true);
        producer.start();
        try {
            while (true) {
                ParsedChunk piece;
                try {
                    piece = queue.take().get();
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw ioError.apply(io);
                    }
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(c);
                }
                if (piece == null) {
                    return;
                }
                if (piece.endsInQuote) {
                    throw new Restart();
                }
                consumer.accept(piece);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } finally {
            producer.interrupt();
            pool.shutdownNow();
        }
    }

    private static void produce(InputStream in, CsvChunkParser parser, byte delimiter, boolean followQuotes,
                                ExecutorService pool, BlockingQueue<Future<ParsedChunk>> queue) {
        try {
            byte[] carry = new byte[0];
            int carryLen = 0;
            boolean first = true;
            int size = pieceBytes;
            while (true) {
                byte[] buf = new byte[Math.max(size, carryLen + pieceBytes / 4 + 1)];
                System.arraycopy(carry, 0, buf, 0, carryLen);
                int len = carryLen;
                boolean eof = false;
                while (len < buf.length) {
                    int r = in.read(buf, len, buf.length - len);
                    if (r < 0) {
                        eof = true;
                        break;
                    }
                    len += r;
                }
                int cut = eof ? len : (followQuotes ? lastBoundary(buf, len, delimiter) : lastLineEnd(buf, len));
                if (cut <= 0) {
                    carry = buf; // no line end yet: a longer piece
                    carryLen = len;
                    size = buf.length * 2;
                    continue;
                }
                size = pieceBytes;
                final byte[] b = buf;
                final int c = cut;
                final boolean f = first;
                final boolean last = eof;
                queue.put(pool.submit(() -> parser.parse(b, 0, c, f, last)));
                first = false;
                if (eof) {
                    break;
                }
                carryLen = len - cut;
                carry = new byte[carryLen];
                System.arraycopy(buf, cut, carry, 0, carryLen);
            }
            queue.put(CompletableFuture.completedFuture(null));
        } catch (InterruptedException | java.util.concurrent.RejectedExecutionException e) {
            // the consumer stopped
        } catch (IOException e) {
            try {
                queue.put(CompletableFuture.failedFuture(e));
            } catch (InterruptedException ignored) {
                // the consumer stopped
            }
        } finally {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing more to read
            }
        }
    }

    /** One past the last LF or CR in b[0, len), or 0. */
    static int lastLineEnd(byte[] b, int len) {
        for (int i = len - 1; i >= 0; i--) {
            if (b[i] == '\n' || b[i] == '\r') {
                return i + 1;
            }
        }
        return 0;
    }

    /** One past the last line end outside a quoted field in b[0, len) (b[0] starts a record), or 0. */
    static int lastBoundary(byte[] b, int len, byte delimiter) {
        boolean inQuote = false;
        boolean fieldStart = true;
        int last = 0;
        for (int i = 0; i < len; i++) {
            byte c = b[i];
            if (inQuote) {
                if (c == '"') {
                    if (i + 1 < len && b[i + 1] == '"') {
                        i++;
                    } else {
                        inQuote = false;
                    }
                }
            } else if (c == '"' && fieldStart) {
                inQuote = true;
                fieldStart = false;
            } else if (c == delimiter) {
                fieldStart = true;
            } else if (c == '\n' || c == '\r') {
                last = i + 1;
                fieldStart = true;
            } else if (c != ' ' && c != '\t') {
                fieldStart = false;
            }
        }
        return last;
    }
}
