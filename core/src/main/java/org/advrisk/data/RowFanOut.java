package org.advrisk.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One pass over rows that feeds several visitors (e.g. one per split): rows are copied in chunks, and
 * each chunk is handed to up to {@code threads} workers, worker w visiting the chunk for visitors w,
 * w + threads, … . Every visitor sees every row once, in file order, on one thread at a time, so what
 * it computes is the same bits for any number of threads (and as with a pass of its own).
 */
public final class RowFanOut {
    private static final int CHUNK_BYTES = 1 << 21;

    private RowFanOut() {
    }

    /** Visits every row of {@code rows} with every visitor, using at most {@code threads} threads. */
    public static void run(Rows rows, List<? extends Rows.Visitor> visitors, int threads) {
        int k = visitors.size();
        int t = Math.max(1, Math.min(threads, k));
        if (t == 1) {
            rows.forEach((i, x, y) -> {
                for (Rows.Visitor v : visitors) {
                    v.row(i, x, y);
                }
            });
            return;
        }
        int p = rows.p();
        int w = p + 1;
        int cap = Math.max(1, CHUNK_BYTES / (8 * w));
        double[] chunk = new double[cap * w];
        int[] index = new int[cap];
        int[] fill = {0};
        ExecutorService pool = Executors.newFixedThreadPool(t - 1, r -> {
            Thread th = new Thread(r, "advrisk-splits");
            th.setDaemon(true);
            return th;
        });
        try {
            Runnable[] work = new Runnable[t];
            for (int g = 0; g < t; g++) {
                int group = g;
                work[g] = () -> {
                    double[] x = new double[p];
                    for (int r = 0; r < fill[0]; r++) {
                        System.arraycopy(chunk, r * w, x, 0, p);
                        double y = chunk[r * w + p];
                        for (int v = group; v < k; v += t) {
                            visitors.get(v).row(index[r], x, y);
                        }
                    }
                };
            }
            Runnable dispatch = () -> {
                List<Future<?>> pending = new ArrayList<>();
                for (int g = 1; g < t; g++) {
                    pending.add(pool.submit(work[g]));
                }
                work[0].run();
                for (Future<?> f : pending) {
                    await(f);
                }
                fill[0] = 0;
            };
            rows.forEach((i, x, y) -> {
                int off = fill[0] * w;
                System.arraycopy(x, 0, chunk, off, p);
                chunk[off + p] = y;
                index[fill[0]] = i;
                if (++fill[0] == cap) {
                    dispatch.run();
                }
            });
            if (fill[0] > 0) {
                dispatch.run();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while visiting the rows", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }
}
