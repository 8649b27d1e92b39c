package org.advrisk.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;
import org.advrisk.columns.RowTypes;
import org.advrisk.linalg.Blas;
import org.advrisk.random.TrialLoop;

/**
 * Runs the trials a {@link ResultSink} (e.g. the run directory's {@link ResultStore}) does not have yet
 * ({@link Pending}) through the one trial loop ({@link TrialLoop#runAsCompleted}: a local pool of
 * {@code threads} daemon threads unless an {@link java.util.concurrent.Executor} is given) and stores each
 * one as soon as it finishes, from the calling thread. BLAS runs
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

    /**
     * The trials of a sweep a sink does not hold yet (the resumable part of a run), with the counts an
     * {@link Outcome} reports; shared by this runner and cluster {@link Engine}s.
     *
     * @param total   trials in the sweep
     * @param pending those still to run, in sweep order
     */
    public record Pending(int total, List<Trial> pending) {
        public Pending {
            pending = List.copyOf(pending);
        }

        /** The trials of {@code trials} whose key the sink has not finished. */
        public static Pending of(List<Trial> trials, ResultSink sink) throws IOException {
            Set<String> done = sink.finished();
            return new Pending(trials.size(), trials.stream().filter(t -> !done.contains(t.key())).toList());
        }

        /** Trials found already done. */
        public int skipped() {
            return total - pending.size();
        }

        /** The outcome after {@code ran} of the pending trials were stored. */
        public Outcome outcome(int ran) {
            return new Outcome(total, skipped(), ran, ran < pending.size());
        }
    }

    private Outcome runInternal(List<Trial> trials) throws IOException {
        Pending todo = Pending.of(trials, store);
        List<Trial> pending = todo.pending();
        listener.started(todo.total(), todo.skipped());
        if (pending.isEmpty() || stopRequested) {
            return todo.outcome(0);
        }
        Blas.threads(1);
        int[] ran = {0};
        try {
            // the one trial loop, in completion order: each trial is stored as soon as it finishes
            TrialLoop.runAsCompleted(pending.size(), threads, (i, inner) -> {
                Trial t = pending.get(i);
                if (stopRequested) {
                    throw new CancellationException("stopped");
                }
                try {
                    return rowsOf(evaluator, t);
                } catch (RuntimeException | Error e) {
                    throw failure(t, e);
                }
            }, (i, rows) -> {
                Trial t = pending.get(i);
                try {
                    store.append(t, rows);
                } catch (IOException e) {
                    throw new StoreFailure(e);
                }
                ran[0]++;
                listener.trialDone(t, todo.skipped() + ran[0], todo.total());
            }, delivered -> !stopRequested, executor);
        } catch (StoreFailure e) {
            throw e.getCause();
        }
        return todo.outcome(ran[0]);
    }

    /** A sink's I/O failure carried through the loop, rethrown as it was. */
    private static final class StoreFailure extends RuntimeException {
        StoreFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
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
