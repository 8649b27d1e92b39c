package org.advrisk.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;
import org.advrisk.param.Parameters;

/** The table of a spec's fields: each with what it allows and its default ({@link SpecReader#FIELDS}, the README's table). */
final class SpecFields {
    private SpecFields() {
    }

    static Map<String, String> table() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", "a label for reports (default: the file name)");
        m.put("family", "linear, ntk (default linear)");
        m.put("seed", "an integer (default " + Parameters.SEED_DEFAULT + ")");
        m.put("trials", "training sets per grid point, 1 to 1000000 (default 1)");
        m.put("n", "sample sizes: positive integers or a grid (required)");
        m.put("p", "dimensions: " + SizeRule.ALLOWED + ", or a grid " + Grids.RANGES + " (required)");
        m.put("sigma", "noise levels >= 0 (default 0.5)");
        m.put("spectrum", SpectrumSpec.KINDS + "; a parameter may be an expression of n, e.g. tail=n^0.5 (required)");
        m.put("theta", GroundTruthSpec.KINDS + " (default top:k=1,norm=1)");
        m.put("design", "gaussian, rademacher (default gaussian)");
        m.put("noise", "gaussian, rademacher (default gaussian)");
        m.put("lambda", "ridge parameters >= 0, 0 = min-norm (default 0)");
        m.put("alpha", "attack budgets >= 0 (default " + Parameters.ALPHA_DEFAULT + ")");
        m.put("attack", AttackNorm.ALLOWED + " (default l2)");
        m.put("target", Target.ALLOWED + " (default clean)");
        m.put("attack_scale", "family linear: budget shapes G in [0, 2], {δ : ‖Σ^(-G/2)δ‖_p <= α}; 0 = isotropic"
                + " (default 0)");
        m.put("label_preserving", "family linear: true, false or [false, true]: attacks with δ ⊥ θ* (l2 only;"
                + " default false)");
        m.put("theory", "true or false: deterministic-equivalent columns (default true)");
        m.put("width", "family ntk: " + Spec.ALLOWED_WIDTH + "; inf = the infinite-width kernel, M = a network of"
                + " width M trained by gradient descent; a list runs each (default inf)");
        m.put("activation", "family ntk: " + org.advrisk.kernel.Activation.ALLOWED + " (default relu)");
        m.put("estimator", "family linear: " + SpecEstimators.ALLOWED + "; a list runs each on the same training sets"
                + " (default ridge; advtrain holds the n×p design, n·p <= " + org.advrisk.linear.DesignSampler.MAX_ENTRIES
                + ")");
        m.put("delta", "advtrain's training budgets, numbers > 0 or a grid (required with advtrain)");
        m.put("train_attack", "advtrain's training attack: " + SpecEstimators.ALLOWED_TRAIN_ATTACK
                + "; a list trains each (default l2)");
        m.put("time", "gf's times: numbers >= 0, inf (= lambda 0), or a grid (required with gf)");
        m.put("eta", "gd's step size η > 0, stable for η < 2n/s_max (required with gd)");
        m.put("steps", "gd's step counts: integers >= 0 or a grid (required with gd)");
        for (org.advrisk.estimator.SpectralEstimator k : org.advrisk.estimator.Estimators.plugins()) {
            m.put(k.parameter().name(), k.name() + "'s " + k.parameter().param().help());
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
