package org.advrisk.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.advrisk.columns.Columns;
import org.advrisk.linear.LinearRiskRow;
import org.advrisk.linear.LinearTrial;

/**
 * One background simulation: training sets t = 0 … trials−1, each {@link LinearTrial#evaluate} with
 * the streams (seed, t) on one thread, so the rows are those of {@code advrisk linear} with the same
 * flags. Cancelling stops it after the training set under way.
 */
final class SimulationJob implements Runnable {
    /** Where a job is. */
    enum State { QUEUED, RUNNING, DONE, CANCELLED, FAILED }

    private final String id;
    private final SimulationRequest request;
    private final Runnable onEnd;
    private final AtomicBoolean cancel = new AtomicBoolean();
    private final AtomicInteger done = new AtomicInteger();
    private final List<List<LinearRiskRow>> rows = new ArrayList<>();
    private volatile State state = State.QUEUED;
    private volatile String failure;
    private final long created = System.nanoTime();
    private volatile long finished;

    SimulationJob(String id, SimulationRequest request, Runnable onEnd) {
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
            for (int t = 0; t < request.trials(); t++) {
                if (cancel.get() || Thread.currentThread().isInterrupted()) {
                    state = State.CANCELLED;
                    return;
                }
                List<LinearRiskRow> r = request.flow().any()
                        ? org.advrisk.linear.SpectralTrial.evaluate(request.problem(), request.query(), request.ridge(),
                                request.flow(), false, request.seed(), t, 1, request.mode()).stream()
                                .map(LinearRiskRow::new).toList()
                        : LinearTrial.evaluate(request.problem(), request.query(), request.seed(), t, 1, request.mode());
                synchronized (rows) {
                    rows.add(r);
                }
                done.incrementAndGet();
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

    /** Progress and, once some training sets are done, the mean and standard error per λ. */
    Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        m.put("done", done.get());
        m.put("trials", request.trials());
        m.put("elapsed_ms", ((finished == 0 ? System.nanoTime() : finished) - created) / 1e6);
        m.put("flops", request.flops());
        m.put("exact_tail", request.mode().usesWishart(request.problem()) && request.problem().p() >= request.problem().n());
        if (failure != null) {
            m.put("message", failure);
        }
        List<List<LinearRiskRow>> copy;
        synchronized (rows) {
            copy = new ArrayList<>(rows);
        }
        m.put("result", summary(copy));
        return m;
    }

    /**
     * Mean and standard error (sample standard deviation / √trials; null for one trial) of the
     * standard risk, adversarial risk and ‖θ̂‖² at each λ, over the finished training sets; with gf, the
     * same at each time t under {@code gf} (with {@code time}, null for inf, and {@code lambda_equiv} = 1/t).
     */
    private Map<String, Object> summary(List<List<LinearRiskRow>> trials) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (request.ridge()) {
            double[] lambdas = request.query().lambdas();
            m.put(Columns.LAMBDA.name(), lambdas);
            m.put("trials", trials.size());
            moments(m, trials, 0, lambdas.length);
        } else {
            m.put("trials", trials.size());
        }
        if (request.flow().gf()) {
            double[] times = request.flow().times();
            Map<String, Object> gf = new LinkedHashMap<>();
            double[] equiv = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                equiv[i] = 1 / times[i];
            }
            gf.put(Columns.TIME.name(), times);
            gf.put(Columns.LAMBDA_EQUIV.name(), equiv);
            moments(gf, trials, request.ridge() ? request.query().lambdas().length : 0, times.length);
            m.put("gf", gf);
        }
        if (!trials.isEmpty()) {
            List<Map<String, Object>> flat = new ArrayList<>();
            for (List<LinearRiskRow> tr : trials) {
                for (LinearRiskRow r : tr) {
                    flat.add(r.toMap());
                }
            }
            m.put("rows", flat);
        }
        return m;
    }

    /** Means and standard errors of rows from..from+k−1 of every trial, into m. */
    private static void moments(Map<String, Object> m, List<List<LinearRiskRow>> trials, int from, int k) {
        int t = trials.size();
        String[] names = {Columns.STD_RISK.name(), Columns.ADV_RISK.name(), Columns.NORM_SQ.name()};
        for (int c = 0; c < names.length; c++) {
            double[] mean = new double[k];
            Double[] se = new Double[k];
            for (int i = 0; i < k; i++) {
                double s = 0;
                double ss = 0;
                for (List<LinearRiskRow> tr : trials) {
                    s += value(tr.get(from + i), c);
                }
                double mu = t == 0 ? Double.NaN : s / t;
                for (List<LinearRiskRow> tr : trials) {
                    double d = value(tr.get(from + i), c) - mu;
                    ss += d * d;
                }
                mean[i] = mu;
                se[i] = t < 2 ? null : Math.sqrt(ss / (t - 1) / t);
            }
            m.put(names[c] + "_mean", mean);
            m.put(names[c] + "_se", se);
        }
    }

    private static double value(LinearRiskRow r, int c) {
        return switch (c) {
            case 0 -> r.stdRisk();
            case 1 -> r.advRisk();
            default -> r.normL2() * r.normL2();
        };
    }
}
