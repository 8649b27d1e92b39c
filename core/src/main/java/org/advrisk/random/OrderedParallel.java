package org.advrisk.random;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Ordered parallel map over 0..count−1: task i's result lands at index i whatever thread ran it, so
 * a reduction done afterwards in index order is bit-identical for any thread count. Together with
 * keyed {@link RandomStreams} this is how advrisk stays reproducible under parallelism. Callers that
 * use BLAS inside the tasks keep BLAS single-threaded while this runs.
 */
public final class OrderedParallel {
    private OrderedParallel() {
    }

    /** Runs task(0..count−1) on up to {@code threads} threads and returns the results in index order. */
    public static <T> List<T> map(int count, int threads, IntFunction<T> task) {
        List<T> out = new ArrayList<>(count);
        if (threads <= 1 || count <= 1) {
            for (int i = 0; i < count; i++) {
                out.add(task.apply(i));
            }
            return out;
        }
        ExecutorService pool = pool(Math.min(threads, count), "advrisk-worker");
        try {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            for (Future<T> f : futures) {
                out.add(await(f));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A fixed pool of {@code threads} daemon threads named {@code name}; the caller shuts it down. */
    public static ExecutorService pool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The result of a task, waiting for it; its failure as {@link #cause}, an interruption (the flag
     * kept) as an IllegalStateException.
     */
    public static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw cause(e);
        }
    }

    /**
     * What a task's failure becomes in the caller: its RuntimeException (a user's bad input keeps its
     * message) or Error as thrown, any other cause wrapped in an IllegalStateException.
     */
    public static RuntimeException cause(ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException re) {
            return re;
        }
        if (c instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(c);
    }
}
