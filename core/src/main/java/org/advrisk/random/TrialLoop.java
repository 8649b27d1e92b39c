package org.advrisk.random;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one loop over independent trials 0..count−1 ({@code linear}, {@code ntk}, the explorer's simulations
 * and spec runs): trials run on up to {@code threads} threads and their results are delivered to a
 * {@link Sink} from the calling thread, in one of two orders. {@link #run}: in trial order, each as soon as
 * it and every earlier trial are done, so any reduction and the row order are the same for every thread
 * count. {@link #runAsCompleted}: as soon as each is done, for a sink that keeps results by trial and stores
 * each at once (a run directory, so a killed run keeps every finished trial). How many threads a trial may
 * use inside is the caller's {@link Inner} policy. Callers that use BLAS inside keep it single-threaded
 * while this runs.
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

    /**
     * Asked before each trial starts (one thread) or is delivered (several), with the number of results
     * delivered so far (in trial order: the trial about to be delivered); {@link #runAsCompleted} also asks it
     * at least every {@value #POLL_MILLIS} ms while it waits. False ends the loop there.
     */
    @FunctionalInterface
    public interface Gate {
        boolean proceed(int delivered);
    }

    /** How often {@link #runAsCompleted} asks its gate while no trial finishes (milliseconds). */
    public static final long POLL_MILLIS = 100;

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

    /**
     * Runs every trial on a pool of {@code min(threads, count)} daemon threads (or on {@code executor} when it
     * is not null; the loop does not shut a given executor down) and delivers each result to the sink as soon
     * as it is done, in the order trials finish, from the calling thread. Each trial gets one inner thread
     * when several run at once ({@link Inner#ONE}). The gate is asked before each delivery and while waiting;
     * when it says no, or the calling thread is interrupted (its flag is kept), the loop ends and trials in
     * flight are dropped. A failing trial ends the loop with its exception (unless the gate says no first).
     *
     * @return the number of trials delivered
     */
    public static <T> int runAsCompleted(int count, int threads, Work<T> work, Sink<T> sink, Gate gate,
                                         Executor executor) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads + " must be >= 1");
        }
        if (count == 0) {
            return 0;
        }
        int parallel = Math.min(threads, count);
        int each = parallel == 1 ? threads : 1;
        AtomicInteger named = new AtomicInteger();
        ExecutorService own = executor != null ? null : Executors.newFixedThreadPool(parallel, r -> {
            Thread th = new Thread(r, "advrisk-trial-" + named.incrementAndGet());
            th.setDaemon(true);
            return th;
        });
        CompletionService<Map.Entry<Integer, T>> done = new ExecutorCompletionService<>(own != null ? own : executor);
        for (int t = 0; t < count; t++) {
            int trial = t;
            done.submit(() -> Map.entry(trial, work.run(trial, each)));
        }
        int delivered = 0;
        try {
            while (delivered < count) {
                if (!gate.proceed(delivered)) {
                    return delivered;
                }
                Map.Entry<Integer, T> result;
                try {
                    Future<Map.Entry<Integer, T>> f = done.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (f == null) {
                        continue;
                    }
                    result = f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return delivered;
                } catch (ExecutionException e) {
                    if (!gate.proceed(delivered)) {
                        return delivered;
                    }
                    throw OrderedParallel.cause(e);
                }
                sink.accept(result.getKey(), result.getValue());
                delivered++;
            }
            return delivered;
        } finally {
            if (own != null) {
                own.shutdownNow();
            }
        }
    }

    /** Runs every trial and returns the results in trial order. */
    public static <T> List<T> map(int count, int threads, Inner inner, Work<T> work) {
        List<T> out = new ArrayList<>(count);
        run(count, threads, inner, work, (t, r) -> out.add(r));
        return out;
    }
}
