package org.advrisk.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruth;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.ntk.NtkData;
import org.advrisk.ntk.NtkEquivalent;
import org.advrisk.param.Choices;
import org.advrisk.param.Parameters;
import org.advrisk.random.Distribution;
import org.advrisk.theory.DePrediction;
import org.advrisk.theory.TheorySpectrum;

/**
 * {@code GET /api/ntk}: the two-layer ReLU network's K1 kernel ridge through its deterministic equivalent
 * ({@link NtkEquivalent}) at the page's point: against λ at n, and against n at λ. The numbers are the
 * {@code de_*} columns of {@code advrisk ntk --width inf --theory} with the same flags (Gaussian inputs
 * x = Σ^{1/2}z in d dimensions, clean target).
 */
final class NtkView {
    /** The largest input dimension d of the panel. */
    static final int MAX_D = 200_000;

    /** Every parameter with what it allows. */
    static final Map<String, String> ALLOWED = allowed();

    private NtkView() {
    }

    private static Map<String, String> allowed() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("spectrum", Parsers.SPECTRUM_ALLOWED);
        m.put("theta", Parsers.THETA_ALLOWED);
        m.put("n", "an integer from 1 to " + Limits.MAX_THEORY_N);
        m.put("d", "an integer from 1 to " + MAX_D);
        m.put("sigma", "a finite number >= 0");
        m.put("noise", Choices.NOISE.allowed());
        m.put("seed", "an integer");
        m.put("lambda", "one number >= 0 (the kernel ridge λ; 0 = the interpolator, the limit of gradient descent)");
        m.put("alpha", "one number >= 0");
        m.put("attack", "l2, linf");
        m.put("lambda-grid", "numbers >= 0 and/or logspace:LO,HI,COUNT, at most " + Limits.MAX_LAMBDA_GRID + " values");
        m.put("n-grid", "increasing integers >= 1, at most " + Limits.MAX_N_GRID + " values");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Reads, checks and computes one view. */
    static Map<String, Object> compute(Query q) {
        long t0 = System.nanoTime();
        SpectrumSpec spectrum = q.get("spectrum", "isotropic", Parsers::spectrum);
        GroundTruthSpec thetaSpec = q.get("theta", "top:k=1,norm=1", Parsers::theta);
        long n = q.get("n", "200", t -> Parsers.integer("n", t, 1, Limits.MAX_THEORY_N));
        int d = (int) (long) q.get("d", "400", t -> Parsers.integer("d", t, 1, MAX_D));
        double sigma = q.get("sigma", "0.5", t -> Parsers.nonNegative("sigma", t));
        Distribution noise = q.get("noise", Choices.NOISE.defaultText(), t -> Parsers.distribution("noise", t));
        long seed = q.get("seed", Parameters.SEED_DEFAULT, Parsers::seed);
        double lambda = q.get("lambda", "0", t -> Parsers.one("lambda", t));
        double alpha = q.get("alpha", "0.1", t -> Parsers.one("alpha", t));
        AttackNorm attack = q.get("attack", "l2", t -> Parsers.attack(t, true));
        double[] grid = q.get("lambda-grid", "0,logspace:-4,1,40", t -> Parsers.list("lambda-grid", t,
                Limits.MAX_LAMBDA_GRID));
        long[] nGrid = q.has("n-grid") ? q.get("n-grid", null, t -> Parsers.nGrid(t, Limits.MAX_N_GRID))
                : TheoryRequest.defaultGrid(n);
        NtkData data;
        int groups;
        try {
            GroundTruth theta = thetaSpec.withSize(d, seed);
            data = new NtkData(spectrum.withSize(d), false, theta, sigma, noise);
            groups = TheorySpectrum.of(data.spectrum(), theta, TheorySpectrum.DEFAULT_TRUNCATION).values().length;
        } catch (IllegalArgumentException e) {
            throw q.refuse(e);
        }
        long[] ns = java.util.stream.LongStream.concat(java.util.Arrays.stream(nGrid), java.util.stream.LongStream.of(n))
                .distinct().sorted().toArray();
        double work = (double) groups * (grid.length + 2 * ns.length);
        if (work > Limits.MAX_THEORY_WORK) {
            throw new RefusedRequest(new ApiError("d", Long.toString(d), "at most " + Limits.sci(Limits.MAX_THEORY_WORK)
                    + " eigenvalue-group passes", "d: " + d + " gives " + groups + " distinct eigenvalues × "
                    + (grid.length + 2 * ns.length) + " points = " + Limits.sci(work) + " passes; allowed: at most "
                    + Limits.sci(Limits.MAX_THEORY_WORK) + " (lower d or the grids)"));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            NtkEquivalent here = new NtkEquivalent(data, (int) n);
            out.put("n", n);
            out.put("d", d);
            out.put("lambda", lambda);
            out.put("alpha", alpha);
            out.put("attack", attack.label());
            out.put("point", point(here, lambda, alpha, attack));
            List<Map<String, Object>> byLambda = new ArrayList<>();
            for (double l : grid) {
                byLambda.add(point(here, l, alpha, attack));
            }
            out.put("by_lambda", byLambda);
            List<Map<String, Object>> byN = new ArrayList<>();
            for (long m : ns) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("n", m);
                r.putAll(point(m == n ? here : new NtkEquivalent(data, (int) m), lambda, alpha, attack));
                byN.add(r);
            }
            out.put("by_n", byN);
        } catch (IllegalArgumentException e) {
            throw q.refuse(e);
        }
        out.put("compute_ms", (System.nanoTime() - t0) / 1e6);
        return out;
    }

    private static Map<String, Object> point(NtkEquivalent e, double lambda, double alpha, AttackNorm attack) {
        DePrediction p = e.columns(lambda, alpha, attack);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Columns.LAMBDA.name(), lambda);
        m.put(Columns.LAMBDA_EFF.name(), e.lambdaEff(lambda));
        m.put(Columns.DE_STD_RISK.name(), p.stdRisk());
        m.put(Columns.DE_ADV_RISK.name(), p.advRisk());
        m.put(Columns.DE_NORM_L2.name(), p.normL2());
        return m;
    }
}
