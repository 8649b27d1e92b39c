package org.advrisk.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.advrisk.random.TrialLoop;

/**
 * One background simulation: training sets t = 0 … trials−1 of a {@link SimulationWork} (linear or
 * NTK), each with the streams (seed, t) on one thread, so the rows are those of {@code advrisk linear}
 * or {@code advrisk ntk} with the same flags. Cancelling stops it after the training set under way; so does its deadline
 * ({@link Limits#SIM_DEADLINE_MS}), counted from the request (queue time included).
 */
final class SimulationJob implements Runnable {
    /** Where a job is. */
    enum State { QUEUED, RUNNING, DONE, CANCELLED, FAILED }

    private final String id;
    private final SimulationWork<?> request;
    private final Runnable onEnd;
    private final AtomicBoolean cancel = new AtomicBoolean();
    private final AtomicInteger done = new AtomicInteger();
    private final List<Object> rows = new ArrayList<>();
    private volatile State state = State.QUEUED;
    private volatile String failure;
    private final long created = System.nanoTime();
    private volatile long finished;
    private final long deadlineNanos;

    SimulationJob(String id, SimulationWork<?> work, Runnable onEnd) {
        this(id, work, onEnd, java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(Limits.SIM_DEADLINE_MS));
    }

    /** A linear simulation that stops at the first training-set boundary {@code deadlineNanos} after it was created. */
    SimulationJob(String id, SimulationRequest request, Runnable onEnd, long deadlineNanos) {
        this(id, new LinearSimulation(request), onEnd, deadlineNanos);
    }

    /** A job that stops at the first training-set boundary {@code deadlineNanos} after it was created. */
    SimulationJob(String id, SimulationWork<?> request, Runnable onEnd, long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
        this.id = id;
        this.request = request;
        this.onEnd = onEnd;
    }

    String id() {
        return id;
    }

    State state() {
        return state;
    }

    boolean ended() {
        State s = state;
        return s == State.DONE || s == State.CANCELLED || s == State.FAILED;
    }

    /** Asks the job to stop after the training set under way. */
    void cancel() {
        cancel.set(true);
        if (state == State.QUEUED) {
            state = State.CANCELLED;
        }
    }

    @Override
    public void run() {
        try {
            if (cancel.get()) {
                state = State.CANCELLED;
                return;
            }
            state = State.RUNNING;
            int total = request.trials();
            int delivered = TrialLoop.run(total, 1, TrialLoop.Inner.ONE, (t, inner) -> request.trial(t), (t, r) -> {
                synchronized (rows) {
                    rows.add(r);
                }
                done.incrementAndGet();
            }, this::proceed);
            if (delivered < total) {
                return; // cancelled or past its deadline: the gate set the state
            }
            state = cancel.get() ? State.CANCELLED : State.DONE;
        } catch (RuntimeException | OutOfMemoryError e) {
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
            state = State.FAILED;
        } finally {
            finished = System.nanoTime();
            onEnd.run();
        }
    }

    /** Before training set t: false (with the state set) when the job is cancelled or past its deadline. */
    private boolean proceed(int t) {
        if (cancel.get() || Thread.currentThread().isInterrupted()) {
            state = State.CANCELLED;
            return false;
        }
        if (System.nanoTime() - created > deadlineNanos) {
            failure = "simulate: stopped at its deadline (" + deadlineNanos / 1_000_000_000L + " s) after "
                    + t + " of " + request.trials() + " training sets (their results are kept); use fewer trials";
            state = State.FAILED;
            return false;
        }
        return true;
    }

    /** Progress and, once some training sets are done, the mean and standard error per λ. */
    Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        m.put("done", done.get());
        m.put("trials", request.trials());
        m.put("elapsed_ms", ((finished == 0 ? System.nanoTime() : finished) - created) / 1e6);
        m.put("flops", request.flops());
        m.putAll(request.describe());
        if (failure != null) {
            m.put("message", failure);
        }
        List<Object> copy;
        synchronized (rows) {
            copy = new ArrayList<>(rows);
        }
        m.put("result", summary(request, copy));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, Object> summary(SimulationWork<T> work, List<Object> done) {
        return work.summary((List<T>) done);
    }
}
