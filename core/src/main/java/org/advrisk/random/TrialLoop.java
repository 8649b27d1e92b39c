package org.advrisk.random;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one loop over independent trials 0..count−1 of the command-line doors ({@code linear}, {@code ntk}):
 * trials run on up to {@code threads} threads and their results are delivered to a {@link Sink} in trial
 * order, each as soon as it and every earlier trial are done, from the calling thread; so any reduction
 * and the row order are the same for every thread count. How many threads a trial may use inside is the
 * caller's {@link Inner} policy. Callers that use BLAS inside keep it single-threaded while this runs.
 */
public final class TrialLoop {
    private TrialLoop() {
    }

    /** Threads a trial may use inside when several trials run at once. */
    public enum Inner {
        /** One each when trials run in parallel; a lone trial (or one thread) gets all threads. */
        ONE,
        /** threads / (trials running at once), at least one: a few trials share every thread. */
        SHARE
    }

    /** A trial's work: its index and the threads it may use inside. */
    @FunctionalInterface
    public interface Work<T> {
        T run(int trial, int innerThreads);
    }

    /** Receives each trial's result, in trial order, on the calling thread. */
    @FunctionalInterface
    public interface Sink<T> {
        void accept(int trial, T result);
    }

    /** Asked before each trial starts (one thread) or is delivered (several): false ends the loop there. */
    @FunctionalInterface
    public interface Gate {
        boolean proceed(int trial);
    }

    /** Runs every trial and delivers the results to the sink in trial order. */
    public static <T> void run(int count, int threads, Inner inner, Work<T> work, Sink<T> sink) {
        run(count, threads, inner, work, sink, t -> true);
    }

    /**
     * As {@link #run(int, int, Inner, Work, Sink)}, ending early when the gate says so (a cancelled or late
     * job keeps the trials delivered before).
     *
     * @return the number of trials delivered
     */
    public static <T> int run(int count, int threads, Inner inner, Work<T> work, Sink<T> sink, Gate gate) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads + " must be >= 1");
        }
        int parallel = inner == Inner.SHARE ? Math.min(count, threads) : count == 1 || threads == 1 ? 1 : threads;
        int each = inner == Inner.SHARE ? Math.max(1, threads / Math.max(1, parallel)) : parallel == 1 ? threads : 1;
        if (parallel <= 1 || count <= 1) {
            for (int t = 0; t < count; t++) {
                if (!gate.proceed(t)) {
                    return t;
                }
                sink.accept(t, work.run(t, each));
            }
            return count;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, count), r -> {
            Thread th = new Thread(r, "advrisk-worker");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int t = 0; t < count; t++) {
                int trial = t;
                futures.add(pool.submit(() -> work.run(trial, each)));
            }
            for (int t = 0; t < count; t++) {
                if (!gate.proceed(t)) {
                    return t;
                }
                sink.accept(t, futures.get(t).get());
            }
            return count;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw OrderedParallel.cause(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs every trial and returns the results in trial order. */
    public static <T> List<T> map(int count, int threads, Inner inner, Work<T> work) {
        List<T> out = new ArrayList<>(count);
        run(count, threads, inner, work, (t, r) -> out.add(r));
        return out;
    }
}
