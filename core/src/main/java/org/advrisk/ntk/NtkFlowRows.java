package org.advrisk.ntk;

import java.util.ArrayList;
import java.util.List;
import org.advrisk.columns.Columns;

/**
 * The early-stopping columns of NTK rows. At infinite width, kernel gradient flow at time t on
 * (1/(2n))Σ(f − y)² ({@link org.advrisk.kernel.KernelRidgePath#flowCoefficients}) gives rows
 * {@code estimator = gf} with {@code time = t}, {@code lambda_equiv = 1/t} and λ = NaN (their
 * linearisation columns are taken at λ = 1/t); kernel ridge rows beside them get {@code estimator = ridge}
 * and NaN. A finite network trained by gradient descent with step η on (1/2)Σ(f − y)² for K steps takes
 * the same path as step nη on the mean loss, so its {@code time} is n·η·K: the kernel flow at that t is
 * its infinite-width limit.
 */
public final class NtkFlowRows {
    private NtkFlowRows() {
    }

    /**
     * What {@code advrisk ntk --estimator ridge,gf --time LIST} asks for.
     *
     * @param ridge the kernel ridge path (--lambda)
     * @param times gf's times t ≥ 0 (+∞ allowed), empty without gf
     */
    public record Choice(boolean ridge, double[] times) {
        public Choice {
            times = times == null ? new double[0] : times.clone();
            for (double t : times) {
                org.advrisk.linear.FlowParams.checkTime(t);
            }
            if (!ridge && times.length == 0) {
                throw new IllegalArgumentException("estimator: empty; allowed: ridge, gf");
            }
        }

        @Override
        public double[] times() {
            return times.clone();
        }

        /** True when gf rows are asked for. */
        public boolean gf() {
            return times.length > 0;
        }
    }

    /** Kernel ridge rows: tagged only when gf rows share the output. */
    static List<NtkRow> ridge(List<NtkRow> rows, Choice flow) {
        if (flow == null || !flow.gf()) {
            return rows;
        }
        return tag(rows, "ridge", Double.NaN, Double.NaN, Double.NaN);
    }

    /** Kernel gradient flow rows at time t. */
    static List<NtkRow> flow(List<NtkRow> rows, double time) {
        return tag(rows, "gf", Double.NaN, time, 1 / time);
    }

    /** A finite network's rows with its time n·η·K (when the command line asks for the estimator columns). */
    static List<NtkRow> network(List<NtkRow> rows, double time, Choice flow) {
        if (flow == null) {
            return rows;
        }
        List<NtkRow> out = new ArrayList<>(rows.size());
        for (NtkRow r : rows) {
            out.add(new NtkRow(r.row().toBuilder().set(Columns.TIME, time).build(), r.tracking()));
        }
        return out;
    }

    private static List<NtkRow> tag(List<NtkRow> rows, String estimator, double lambda, double time, double equiv) {
        List<NtkRow> out = new ArrayList<>(rows.size());
        for (NtkRow r : rows) {
            var b = r.row().toBuilder().set(Columns.ESTIMATOR, estimator).set(Columns.TIME, time)
                    .set(Columns.LAMBDA_EQUIV, equiv);
            if (!Double.isNaN(time)) {
                b.put(Columns.LAMBDA, lambda);
            }
            out.add(new NtkRow(b.build(), r.tracking()));
        }
        return out;
    }
}
