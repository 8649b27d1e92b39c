package org.advrisk.audit;

import java.util.List;
import org.advrisk.attack.LinearWorstCase;
import org.advrisk.data.Rows;
import org.advrisk.data.Split;
import org.advrisk.data.TrainingStatistics;
import org.advrisk.model.AttackNorm;
import org.advrisk.linear.FlowQuery;
import org.advrisk.linear.SpectralFamily;

/**
 * Gradient flow and gradient descent in an audit: on a split's centred (by default standardised)
 * training statistics, θ̂(t) (or θ̂ after K steps of size η) from the ridge path's own decomposition
 * ({@link TableRidgePath#thetas(SpectralFamily, double[])}); the intercept is free and unpenalised,
 * b = ȳ − x̄ᵀθ̂ (ȳ in standardised units), as for ridge. The test rows are certified exactly like
 * ridge's from one more pass over them; the rows carry {@code estimator = gf|gd}, λ = NaN and the
 * early-stopping columns.
 */
final class FlowAudit {
    /** The note an audit with gf/gd prints. */
    static final String NOTE = "gf/gd: gradient flow / descent from θ = 0 on the centred (standardised) training rows,"
            + " from the ridge path's eigendecomposition; intercept free and unpenalised (b = ȳ − x̄ᵀθ̂); certified like"
            + " ridge";

    private FlowAudit() {
    }

    /** Appends the gf and gd rows of one split (every t or K × attack × α). */
    static void rows(Rows train, Rows test, Split split, TrainingStatistics st, TableRidgePath path, AuditOptions o,
                     double[] norms, double[] d, List<AuditRow> rows) {
        FlowQuery flow = o.flow();
        if (flow.gf()) {
            add(train, test, split, st, path, o, norms, d, rows, SpectralFamily.FLOW, flow.times(), Double.NaN);
        }
        if (flow.gd()) {
            add(train, test, split, st, path, o, norms, d, rows, SpectralFamily.steps(flow.eta()), flow.steps(), flow.eta());
        }
    }

    private static void add(Rows train, Rows test, Split split, TrainingStatistics st, TableRidgePath path,
                            AuditOptions o, double[] norms, double[] d, List<AuditRow> rows, SpectralFamily family,
                            double[] params, double eta) {
        int L = params.length;
        int q = st.p();
        double[] thetas = path.thetas(family, params);
        TestEvaluation.Result ev = test == null
                ? TestEvaluation.run(train, split, false, st, thetas, L, new double[0])
                : TestEvaluation.run(test, split, true, st, thetas, L, new double[0]);
        double[] dtheta = new double[q];
        for (int l = 0; l < L; l++) {
            ResidualMoments mom = ev.moments()[l];
            for (int k = 0; k < q; k++) {
                dtheta[k] = d[k] * thetas[k + l * q];
            }
            double trainMse = path.trainMse(family, params[l]);
            boolean gd = !Double.isNaN(eta);
            AuditRow.Flow cols = gd ? new AuditRow.Flow(eta * params[l], (long) params[l], eta)
                    : new AuditRow.Flow(params[l], -1, Double.NaN);
            for (int a = 0; a < o.attacks().size(); a++) {
                AttackNorm att = o.attacks().get(a);
                double nd = LinearWorstCase.norm(dtheta, att.q());
                for (double alpha : o.alphas()) {
                    double eff = norms != null ? alpha * norms[a] : alpha;
                    double c = eff * nd;
                    rows.add(new AuditRow(split.label(), family.label(), Double.NaN, att.label(), alpha, eff, trainMse,
                            mom.mse(), mom.adversarial(c), mom.adversarialSe(c), true, nd, split.nTrain(),
                            (int) mom.count(), q, Double.NaN, null, cols));
                }
            }
        }
    }
}
