package org.advrisk.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;
import org.advrisk.columns.RowTypes;
import org.advrisk.linalg.Blas;

/**
 * Runs the trials a {@link ResultSink} (e.g. the run directory's {@link ResultStore}) does not have yet on an {@link java.util.concurrent.Executor}
 * (a local thread pool of {@code threads} daemon threads unless one is given: the seam for a cluster
 * engine later) and stores each one as soon as it finishes, from the calling thread. BLAS runs
 * single-threaded inside the parallel trials. {@link #stop(long)} (for example from a Ctrl-C
 * shutdown hook) ends the run after the trial being stored.
 */
public final class Runner {
    /** Receives progress (called from the thread that stores results). */
    public interface Listener {
        /** Before the first trial: how many in all and how many are already done. */
        default void started(int total, int alreadyDone) {
        }

        /** After each stored trial. */
        default void trialDone(Trial trial, int done, int total) {
        }
    }

    /**
     * What a run did.
     *
     * @param total       trials in the sweep
     * @param skipped     trials found already done
     * @param ran         trials run and stored now
     * @param interrupted true when {@link #stop()} ended the run early
     */
    public record Outcome(int total, int skipped, int ran, boolean interrupted) {
        /** True when every trial is stored. */
        public boolean complete() {
            return skipped + ran == total;
        }
    }

    private final TrialEvaluator evaluator;
    private final ResultSink store;
    private final int threads;
    private final Listener listener;
    private final java.util.concurrent.Executor executor;
    private volatile boolean stopRequested;
    private volatile ExecutorService pool;
    private final CountDownLatch ended = new CountDownLatch(1);

    public Runner(TrialEvaluator evaluator, ResultSink store, int threads, Listener listener) {
        this(evaluator, store, threads, listener, null);
    }

    /** A runner on a given executor ({@code null}: a local pool of {@code threads} threads it owns). */
    public Runner(TrialEvaluator evaluator, ResultSink store, int threads, Listener listener,
                  java.util.concurrent.Executor executor) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads + " must be >= 1");
        }
        this.evaluator = evaluator;
        this.store = store;
        this.threads = threads;
        this.listener = listener == null ? new Listener() { } : listener;
        this.executor = executor;
    }

    /**
     * Rows of a trial as stored: the point's parameter columns, the trial and seed, then the evaluator's
     * columns (type {@link RowTypes#RUN} followed by the evaluator row's type; the evaluator's n, p and
     * design replace the point's, its trial and seed are the runner's).
     */
    public static List<Map<String, Object>> rowsOf(TrialEvaluator evaluator, Trial trial) {
        List<Row> raw = evaluator.evaluate(trial);
        List<Map<String, Object>> out = new ArrayList<>(raw.size());
        Row point = trial.point().row();
        for (Row r : raw) {
            Row.Builder b = RowTypes.RUN.then(r.type()).row().putAll(point);
            r.forEach((c, v) -> {
                if (c != Columns.TRIAL && c != Columns.SEED) {
                    b.put(c, v);
                }
            });
            out.add(b.set(Columns.TRIAL, (long) trial.trial()).set(Columns.SEED, trial.seed()).build().toMap());
        }
        return out;
    }

    /** Runs every trial not yet stored. A failing trial stops the run and is rethrown with its key. */
    public Outcome run(List<Trial> trials) throws IOException {
        try {
            return runInternal(trials);
        } finally {
            ended.countDown();
        }
    }

    private Outcome runInternal(List<Trial> trials) throws IOException {
        Set<String> done = store.finished();
        List<Trial> pending = new ArrayList<>();
        for (Trial t : trials) {
            if (!done.contains(t.key())) {
                pending.add(t);
            }
        }
        int skipped = trials.size() - pending.size();
        listener.started(trials.size(), skipped);
        if (pending.isEmpty() || stopRequested) {
            return new Outcome(trials.size(), skipped, 0, stopRequested && !pending.isEmpty());
        }
        Blas.threads(1);
        AtomicInteger counter = new AtomicInteger();
        ExecutorService exec = executor != null ? null : Executors.newFixedThreadPool(Math.min(threads, pending.size()), r -> {
            Thread th = new Thread(r, "advrisk-trial-" + counter.incrementAndGet());
            th.setDaemon(true);
            return th;
        });
        pool = exec;
        CompletionService<Map.Entry<Trial, List<Map<String, Object>>>> cs =
                new ExecutorCompletionService<>(exec != null ? exec : executor);
        Map<Future<?>, Trial> submitted = new LinkedHashMap<>();
        for (Trial t : pending) {
            submitted.put(cs.submit(() -> {
                if (stopRequested) {
                    throw new InterruptedException("stopped");
                }
                return Map.entry(t, rowsOf(evaluator, t));
            }), t);
        }
        int ran = 0;
        try {
            while (ran < pending.size()) {
                if (stopRequested) {
                    return new Outcome(trials.size(), skipped, ran, true);
                }
                Future<Map.Entry<Trial, List<Map<String, Object>>>> f;
                try {
                    f = cs.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Outcome(trials.size(), skipped, ran, true);
                }
                if (f == null) {
                    continue;
                }
                Map.Entry<Trial, List<Map<String, Object>>> result;
                try {
                    result = f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Outcome(trials.size(), skipped, ran, true);
                } catch (ExecutionException e) {
                    if (stopRequested) {
                        return new Outcome(trials.size(), skipped, ran, true);
                    }
                    throw failure(submitted.get(f), e.getCause());
                }
                store.append(result.getKey(), result.getValue());
                ran++;
                listener.trialDone(result.getKey(), skipped + ran, trials.size());
            }
            return new Outcome(trials.size(), skipped, ran, false);
        } finally {
            if (exec != null) {
                exec.shutdownNow();
            }
        }
    }

    private static RuntimeException failure(Trial t, Throwable cause) {
        String where = "trial " + t.key();
        if (cause instanceof IllegalArgumentException) {
            return new IllegalArgumentException(where + ": " + cause.getMessage(), cause);
        }
        if (cause instanceof UncheckedIOException u) {
            return u;
        }
        return new IllegalStateException(where + " failed: " + cause, cause);
    }

    /**
     * Asks the run to stop and waits up to {@code waitMillis} for it to finish storing the trial in
     * hand. Returns true when the run has ended.
     */
    public boolean stop(long waitMillis) {
        stopRequested = true;
        ExecutorService p = pool;
        if (p != null) {
            p.shutdownNow();
        }
        try {
            return ended.await(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** True once {@link #stop} was called. */
    public boolean stopRequested() {
        return stopRequested;
    }
}
