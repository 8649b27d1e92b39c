package org.advrisk.audit;

import java.util.List;
import java.util.Map;
import org.advrisk.attack.LinearWorstCase;
import org.advrisk.data.Rows;
import org.advrisk.data.Split;
import org.advrisk.data.TrainingStatistics;
import org.advrisk.estimator.SpectralSelection;
import org.advrisk.linear.SpectralFamily;
import org.advrisk.model.AttackNorm;

/**
 * The registry's plug-in spectral estimators in an audit: on a split's centred (by default
 * standardised) training statistics, θ̂ at each parameter value from the ridge path's own
 * decomposition ({@link TableRidgePath#thetas(SpectralFamily, double[])}), intercept free and
 * unpenalised as for ridge, certified like ridge from one more pass over the test rows. Rows carry
 * {@code estimator} = the plug-in's name, λ = NaN and the parameter in the plug-in's column.
 */
final class SpectralAudit {
    private SpectralAudit() {
    }

    /** Appends the plug-ins' rows of one split (every parameter value × attack × α). */
    static void rows(Rows train, Rows test, Split split, TrainingStatistics st, TableRidgePath path, AuditOptions o,
                     double[] norms, double[] d, List<AuditRow> rows) {
        for (SpectralSelection s : o.plugins()) {
            SpectralFamily family = s.kind().family(s.settings());
            double[] params = s.values();
            int q = st.p();
            double[] thetas = path.thetas(family, params);
            TestEvaluation.Result ev = test == null
                    ? TestEvaluation.run(train, split, false, st, thetas, params.length, new double[0])
                    : TestEvaluation.run(test, split, true, st, thetas, params.length, new double[0]);
            double[] dtheta = new double[q];
            for (int l = 0; l < params.length; l++) {
                ResidualMoments mom = ev.moments()[l];
                for (int k = 0; k < q; k++) {
                    dtheta[k] = d[k] * thetas[k + l * q];
                }
                double trainMse = path.trainMse(family, params[l]);
                Map<org.advrisk.columns.Column, Object> extra = Map.of(s.kind().parameter().column(), params[l]);
                for (int a = 0; a < o.attacks().size(); a++) {
                    AttackNorm att = o.attacks().get(a);
                    double nd = LinearWorstCase.norm(dtheta, att.q());
                    for (double alpha : o.alphas()) {
                        double eff = norms != null ? alpha * norms[a] : alpha;
                        double c = eff * nd;
                        rows.add(new AuditRow(split.label(), s.kind().name(), Double.NaN, att.label(), alpha, eff,
                                trainMse, mom.mse(), mom.adversarial(c), mom.adversarialSe(c), true, nd, split.nTrain(),
                                (int) mom.count(), q, Double.NaN, null, null, extra));
                    }
                }
            }
        }
    }
}
