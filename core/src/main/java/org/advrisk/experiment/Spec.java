package org.advrisk.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.advrisk.model.AttackNorm;
import org.advrisk.linalg.MemoryBudget;
import org.advrisk.linear.DesignSampler;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;

/**
 * A declarative experiment (what a spec file says, with every grid expanded). The sweep axes
 * (n, p, sigma, spectrum, theta, design, noise) and the trial index make the Trials; lambda, alpha,
 * attack and target are evaluated inside each Trial (one fit serves them all).
 *
 * @param name     a label for reports
 * @param family   the model family
 * @param seed     the master seed; trial t of every grid point uses the random streams (seed, t)
 * @param trials   independent training sets per grid point
 * @param n        sample sizes
 * @param p        dimensions, each a number or an expression of n
 * @param sigma    noise levels σ ≥ 0
 * @param spectrum covariance spectra ({@link SpectrumSpec} syntax; a parameter may be an expression of n,
 *                 e.g. {@code tail=n^0.5})
 * @param theta    ground truths ({@link GroundTruthSpec} syntax)
 * @param design   design distributions (gaussian, rademacher)
 * @param noise    noise distributions (gaussian, rademacher)
 * @param lambda   ridge parameters λ ≥ 0 (0 is min-norm), our convention (scikit-learn alpha = nλ)
 * @param alpha    attack budgets α ≥ 0
 * @param attack   attack norms (l2, linf, l1, lp:P)
 * @param target   targets (clean, consistent, noisy)
 * @param theory   add deterministic-equivalent predictions where they exist
 * @param width    family ntk: hidden widths, 0 = the infinite-width kernel, M = one network of width M
 *                 trained by gradient descent (even: antisymmetric pairs); evaluated inside each trial
 * @param estimators family linear: ridge and/or adversarial training (δ grid, training attacks), each on
 *                 every training set
 * @param activation family ntk: the network's activation and its kernel (relu, the default, abs, erf, quadratic,
 *                 tanh, softplus)
 * @param threats  family linear: the attackers' budget shapes and label constraints (spec fields attack_scale,
 *                 label_preserving; evaluated inside each trial), by default only the isotropic attacker
 */
public record Spec(String name, Family family, long seed, int trials,
                   List<Integer> n, List<SizeRule> p, List<Double> sigma, List<String> spectrum,
                   List<String> theta, List<String> design, List<String> noise,
                   List<Double> lambda, List<Double> alpha, List<String> attack, List<String> target,
                   boolean theory, List<Integer> width, SpecEstimators estimators, String activation,
                   List<org.advrisk.linear.ThreatModel> threats) {

    /** A spec with the isotropic attacker only. */
    public Spec(String name, Family family, long seed, int trials, List<Integer> n, List<SizeRule> p, List<Double> sigma,
                List<String> spectrum, List<String> theta, List<String> design, List<String> noise,
                List<Double> lambda, List<Double> alpha, List<String> attack, List<String> target, boolean theory,
                List<Integer> width, SpecEstimators estimators, String activation) {
        this(name, family, seed, trials, n, p, sigma, spectrum, theta, design, noise, lambda, alpha, attack, target,
                theory, width, estimators, activation, List.of(org.advrisk.linear.ThreatModel.ISOTROPIC));
    }

    /** A spec with the relu activation (family ntk's default; family linear has none). */
    public Spec(String name, Family family, long seed, int trials, List<Integer> n, List<SizeRule> p, List<Double> sigma,
                List<String> spectrum, List<String> theta, List<String> design, List<String> noise,
                List<Double> lambda, List<Double> alpha, List<String> attack, List<String> target, boolean theory,
                List<Integer> width, SpecEstimators estimators) {
        this(name, family, seed, trials, n, p, sigma, spectrum, theta, design, noise, lambda, alpha, attack, target,
                theory, width, estimators, DEFAULT_ACTIVATION);
    }

    /** A spec with ridge as its only estimator. */
    public Spec(String name, Family family, long seed, int trials, List<Integer> n, List<SizeRule> p, List<Double> sigma,
                List<String> spectrum, List<String> theta, List<String> design, List<String> noise,
                List<Double> lambda, List<Double> alpha, List<String> attack, List<String> target, boolean theory,
                List<Integer> width) {
        this(name, family, seed, trials, n, p, sigma, spectrum, theta, design, noise, lambda, alpha, attack, target,
                theory, width, SpecEstimators.RIDGE);
    }

    /** A spec with the infinite-width kernel only (width: inf). */
    public Spec(String name, Family family, long seed, int trials, List<Integer> n, List<SizeRule> p, List<Double> sigma,
                List<String> spectrum, List<String> theta, List<String> design, List<String> noise,
                List<Double> lambda, List<Double> alpha, List<String> attack, List<String> target, boolean theory) {
        this(name, family, seed, trials, n, p, sigma, spectrum, theta, design, noise, lambda, alpha, attack, target,
                theory, List.of(0), SpecEstimators.RIDGE);
    }

    /** The activation of family ntk when the spec names none. */
    public static final String DEFAULT_ACTIVATION = "relu";

    /** Allowed widths, for messages. */
    public static final String ALLOWED_WIDTH = "inf, or an even integer from 2 to 1000000 (neurons in antisymmetric"
            + " pairs); finite widths only with family ntk";

    public Spec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: empty; allowed: any non-empty text");
        }
        if (family == null) {
            throw new IllegalArgumentException("family: missing; allowed: " + Family.ALLOWED);
        }
        if (trials < org.advrisk.param.Parameters.TRIALS.min() || trials > org.advrisk.param.Parameters.TRIALS.max()) {
            throw new IllegalArgumentException("trials: " + trials + " is not allowed; allowed: "
                    + org.advrisk.param.Parameters.TRIALS.allowed());
        }
        n = nonEmpty("n", n);
        p = nonEmpty("p", p);
        sigma = nonEmpty("sigma", sigma);
        spectrum = nonEmpty("spectrum", spectrum);
        theta = nonEmpty("theta", theta);
        design = nonEmpty("design", design);
        noise = nonEmpty("noise", noise);
        lambda = nonEmpty("lambda", lambda);
        alpha = nonEmpty("alpha", alpha);
        attack = nonEmpty("attack", attack);
        target = nonEmpty("target", target);
        width = nonEmpty("width", width);
        threats = nonEmpty("attack_scale", threats);
        if (family != Family.LINEAR && !isotropicOnly(threats)) {
            throw new IllegalArgumentException("attack_scale: shaped or label-preserving attacks are not allowed for"
                    + " family " + family.label() + "; allowed: family linear only");
        }
        for (org.advrisk.linear.ThreatModel t : threats) {
            for (String a : attack) {
                try {
                    t.checkAttack(AttackNorm.parse(a));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage().replace("label-preserving:", "label_preserving:"), e);
                }
            }
        }
        activation = org.advrisk.kernel.Activation.parse(activation == null ? DEFAULT_ACTIVATION : activation).label();
        if (!activation.equals(DEFAULT_ACTIVATION) && family != Family.NTK) {
            throw new IllegalArgumentException("activation: '" + activation + "' is not allowed for family "
                    + family.label() + "; allowed: activations with family ntk only");
        }
        for (int i = 0; i < width.size(); i++) {
            int w = width.get(i);
            String path = width.size() == 1 ? "width" : "width[" + i + "]";
            if (w != 0 && (w < 2 || w > 1_000_000 || w % 2 != 0)) {
                throw new IllegalArgumentException(path + ": " + w + " is not allowed; allowed: " + ALLOWED_WIDTH);
            }
            if (w != 0 && family != Family.NTK) {
                throw new IllegalArgumentException(path + ": " + w + " is not allowed for family " + family.label()
                        + "; allowed: " + ALLOWED_WIDTH);
            }
            for (int j = 0; j < i; j++) {
                if (width.get(j) == w) {
                    throw new IllegalArgumentException("width: value " + (w == 0 ? "inf" : w) + " appears twice; a grid"
                            + " lists each value once");
                }
            }
        }
        for (int i = 0; i < n.size(); i++) {
            if (n.get(i) < 1) {
                throw new IllegalArgumentException("n[" + i + "]: " + n.get(i) + " is not allowed; allowed: " + ALLOWED_N);
            }
        }
        checkNumbers("sigma", sigma, ALLOWED_NONNEG);
        checkNumbers("lambda", lambda, ALLOWED_NONNEG);
        checkNumbers("alpha", alpha, ALLOWED_NONNEG);
        for (int i = 0; i < spectrum.size(); i++) {
            String s = spectrum.get(i);
            for (int nv : n) {
                checkParse("spectrum", i, spectrum, () -> SpectrumSpec.parse(SizeRule.substitute(s, nv)));
            }
        }
        for (int i = 0; i < theta.size(); i++) {
            String s = theta.get(i);
            for (int nv : n) {
                checkParse("theta", i, theta, () -> GroundTruthSpec.parse(SizeRule.substitute(s, nv)));
            }
        }
        for (int i = 0; i < design.size(); i++) {
            String s = design.get(i);
            checkParse("design", i, design, () -> Distribution.parse("design", s));
        }
        for (int i = 0; i < noise.size(); i++) {
            String s = noise.get(i);
            checkParse("noise", i, noise, () -> Distribution.parse("noise", s));
        }
        for (int i = 0; i < attack.size(); i++) {
            String s = attack.get(i);
            checkParse("attack", i, attack, () -> AttackNorm.parse(s));
        }
        for (int i = 0; i < target.size(); i++) {
            String s = target.get(i);
            checkParse("target", i, target, () -> Target.parse(s));
        }
        if (estimators == null) {
            estimators = SpecEstimators.RIDGE;
        }
        if (estimators.advtrain()) {
            checkAdvTrain(family, n, p);
        }
        if (!estimators.plugins().isEmpty() && family != Family.LINEAR) {
            throw new IllegalArgumentException("estimator: " + estimators.plugins().get(0).kind().name()
                    + " is not available for family " + family.label() + "; allowed: family linear");
        }
        if (estimators.flow() && family != Family.LINEAR) {
            throw new IllegalArgumentException("estimator: gf and gd are not available for family " + family.label()
                    + " in spec files yet; allowed: gf/gd with family linear (advrisk ntk --width inf --estimator gf"
                    + " runs kernel gradient flow)");
        }
    }

    /** advtrain: family linear only, and every grid point's n×p design within {@link DesignSampler#MAX_ENTRIES}. */
    private static void checkAdvTrain(Family family, List<Integer> n, List<SizeRule> p) {
        if (family != Family.LINEAR) {
            throw new IllegalArgumentException("estimator: advtrain is not available for family " + family.label()
                    + "; allowed: advtrain with family linear, or estimator: ridge");
        }
        for (int nv : n) {
            for (SizeRule rule : p) {
                long pv = rule.at(nv);
                long entries = MemoryBudget.sat(nv, pv);
                if (entries > DesignSampler.MAX_ENTRIES) {
                    throw new IllegalArgumentException("estimator: advtrain holds the n×p design in memory, but n = " + nv
                            + " with p = " + rule.text() + " = " + pv + " needs n·p = " + entries + " doubles, more than "
                            + DesignSampler.MAX_ENTRIES + "; allowed: n·p <= " + DesignSampler.MAX_ENTRIES
                            + " at every grid point (lower n or p), or estimator: ridge");
                }
            }
        }
    }

    /** Allowed n, for messages. */
    public static final String ALLOWED_N = org.advrisk.param.Parameters.N.allowed();
    /** Allowed for σ, λ, α, for messages. */
    public static final String ALLOWED_NONNEG = "a finite number >= 0";

    /** The number of grid points (sweep axes only). */
    public int points() {
        return n.size() * p.size() * sigma.size() * spectrum.size() * theta.size() * design.size() * noise.size();
    }

    /** True when the only threat is the isotropic attacker (the default). */
    private static boolean isotropicOnly(List<org.advrisk.linear.ThreatModel> threats) {
        return threats.size() == 1 && threats.get(0).isIsotropic();
    }

    /** The canonical JSON form (every grid expanded): written to manifests and compared on resume. */
    public ObjectNode toTree() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("name", name);
        o.put("family", family.label());
        o.put("seed", seed);
        o.put("trials", trials);
        ArrayNode a = o.putArray("n");
        n.forEach(a::add);
        a = o.putArray("p");
        for (SizeRule r : p) {
            if (r.exponent() == 0) {
                a.add((long) r.coef());
            } else {
                a.add(r.text());
            }
        }
        a = o.putArray("sigma");
        sigma.forEach(a::add);
        a = o.putArray("spectrum");
        spectrum.forEach(a::add);
        a = o.putArray("theta");
        theta.forEach(a::add);
        a = o.putArray("design");
        design.forEach(a::add);
        a = o.putArray("noise");
        noise.forEach(a::add);
        a = o.putArray("lambda");
        lambda.forEach(a::add);
        a = o.putArray("alpha");
        alpha.forEach(a::add);
        a = o.putArray("attack");
        attack.forEach(a::add);
        a = o.putArray("target");
        target.forEach(a::add);
        o.put("theory", theory);
        if (estimators.advtrain() || estimators.flow() || !estimators.plugins().isEmpty()) {
            // Written only with advtrain, gf or gd, so the canonical form of ridge-only runs is unchanged.
            a = o.putArray("estimator");
            estimators.estimator().forEach(a::add);
        }
        if (estimators.advtrain()) {
            a = o.putArray("delta");
            estimators.delta().forEach(a::add);
            a = o.putArray("train_attack");
            estimators.trainAttack().forEach(a::add);
        }
        if (!estimators.time().isEmpty()) {
            a = o.putArray("time");
            for (double t : estimators.time()) {
                if (t == Double.POSITIVE_INFINITY) {
                    a.add("inf");
                } else {
                    a.add(t);
                }
            }
        }
        if (estimators.eta() != null) {
            o.put("eta", estimators.eta());
        }
        estimators.pluginValues().forEach((field, values) -> values.forEach(o.putArray(field)::add));
        if (!estimators.steps().isEmpty()) {
            a = o.putArray("steps");
            for (double k : estimators.steps()) {
                a.add((long) k);
            }
        }
        if (!activation.equals(DEFAULT_ACTIVATION)) {
            o.put("activation", activation); // only when not the default: older runs keep their canonical form
        }
        if (!width.equals(List.of(0))) {
            // Written only when not the default, so the canonical form of older runs is unchanged.
            a = o.putArray("width");
            for (int w : width) {
                if (w == 0) {
                    a.add("inf");
                } else {
                    a.add(w);
                }
            }
        }
        if (!isotropicOnly(threats)) {
            // Written only with a shaped or label-preserving attacker, so older runs keep their canonical form.
            a = o.putArray("attack_scale");
            java.util.List<Double> gs = new java.util.ArrayList<>();
            java.util.List<Boolean> lps = new java.util.ArrayList<>();
            for (org.advrisk.linear.ThreatModel t : threats) {
                if (!gs.contains(t.attackScale())) {
                    gs.add(t.attackScale());
                }
                if (!lps.contains(t.labelPreserving())) {
                    lps.add(t.labelPreserving());
                }
            }
            gs.forEach(a::add);
            a = o.putArray("label_preserving");
            lps.forEach(a::add);
        }
        return o;
    }

    private static <T> List<T> nonEmpty(String field, List<T> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(field + ": empty; give at least one value");
        }
        return List.copyOf(values);
    }

    private static void checkNumbers(String field, List<Double> values, String allowed) {
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException(field + "[" + i + "]: " + v + " is not allowed; allowed: " + allowed);
            }
        }
    }

    private static void checkParse(String field, int i, List<String> values, Runnable parse) {
        try {
            parse.run();
        } catch (IllegalArgumentException e) {
            String path = values.size() == 1 ? field : field + "[" + i + "]";
            throw new IllegalArgumentException(path + ": '" + values.get(i) + "' is not allowed: " + e.getMessage(), e);
        }
    }
}
