package org.advrisk.explore;

import java.util.LinkedHashMap;
import java.util.Map;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;
import org.advrisk.param.Choices;
import org.advrisk.param.Parameters;
import org.advrisk.random.Distribution;
import org.advrisk.theory.DimensionRule;
import org.advrisk.theory.TheorySpectrum;

/**
 * One view of {@code GET /api/theory}: the problem (the flags of {@code advrisk theory}), the chosen
 * λ and α, and the grids behind the four panels. Defaults are the command line's.
 *
 * @param spectrum  --spectrum
 * @param theta     --theta
 * @param p         --p (a number, C*n, n^E or inf)
 * @param n         --n, the sample size of the view
 * @param sigma     --sigma
 * @param noise     --noise
 * @param seed      --seed (random θ* only)
 * @param lambda    --lambda, the chosen λ (one value)
 * @param alpha     --alpha (one value)
 * @param attack    --attack (l2 or linf)
 * @param target    --target
 * @param grid      --tradeoff-lambda
 * @param nGrid     --n-grid (panels c and d, which add n itself)
 * @param b         --b (k* = min{k : r_k ≥ b n})
 * @param truncation --truncation
 * @param threat    --attack-scale and --label-preserving (one attacker; {@link ThreatParams})
 */
record TheoryRequest(SpectrumSpec spectrum, GroundTruthSpec theta, DimensionRule p, long n, double sigma,
                     Distribution noise, long seed, double lambda, double alpha, AttackNorm attack, Target target,
                     double[] grid, long[] nGrid, double b, int truncation, org.advrisk.linear.ThreatModel threat) {

    /** Every parameter with what it allows, in the order of the command line's help. */
    static final Map<String, String> ALLOWED = allowed();

    private static Map<String, String> allowed() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("spectrum", Parsers.SPECTRUM_ALLOWED);
        m.put("p", DimensionRule.ALLOWED);
        m.put("n", "an integer from 1 to " + Limits.MAX_THEORY_N);
        m.put("sigma", "a finite number >= 0");
        m.put("noise", Choices.NOISE.allowed());
        m.put("design", Choices.DESIGN.allowed() + " (the theory assumes gaussian)");
        m.put("theta", Parsers.THETA_ALLOWED);
        m.put("seed", "an integer");
        m.put("lambda", "one number >= 0 (0 = min-norm, needs p > n)");
        m.put("alpha", "one number >= 0");
        m.put("attack", "l2, linf");
        m.put("target", Target.ALLOWED);
        m.put("tradeoff-lambda", "numbers >= 0 and/or logspace:LO,HI,COUNT, at most " + Limits.MAX_LAMBDA_GRID + " values");
        m.put("n-grid", "increasing integers >= 1, at most " + Limits.MAX_N_GRID + " values");
        m.put("b", "a finite number > 0");
        m.put("truncation", "an integer from 1 to " + Limits.MAX_TRUNCATION);
        ThreatParams.allow(m);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Reads and checks the parameters of one request. */
    static TheoryRequest parse(Query q) {
        SpectrumSpec spectrum = q.get("spectrum", "isotropic", Parsers::spectrum);
        GroundTruthSpec theta = q.get("theta", "top:k=1,norm=1", Parsers::theta);
        DimensionRule p = q.get("p", "2n", Parsers::p);
        long n = q.get("n", "100", t -> Parsers.integer("n", t, 1, Limits.MAX_THEORY_N));
        double sigma = q.get("sigma", "0.5", t -> Parsers.nonNegative("sigma", t));
        Distribution noise = q.get("noise", Choices.NOISE.defaultText(), t -> Parsers.distribution("noise", t));
        q.get("design", Choices.DESIGN.defaultText(), t -> Parsers.distribution("design", t));
        long seed = q.get("seed", Parameters.SEED_DEFAULT, Parsers::seed);
        double lambda = q.get("lambda", "0", t -> Parsers.one("lambda", t));
        double alpha = q.get("alpha", "0.1", t -> Parsers.one("alpha", t));
        AttackNorm attack = q.get("attack", "l2", t -> Parsers.attack(t, true));
        Target target = q.get("target", Choices.TARGET.defaultText(), Parsers::target);
        double[] grid = q.get("tradeoff-lambda", "0,logspace:-8,1,120",
                t -> Parsers.list("tradeoff-lambda", t, Limits.MAX_LAMBDA_GRID));
        long[] nGrid = q.has("n-grid") ? q.get("n-grid", null, t -> Parsers.nGrid(t, Limits.MAX_N_GRID))
                : defaultGrid(n);
        double b = q.get("b", "1", t -> Parsers.positive("b", t, " (k* = min{k : r_k >= b n})"));
        int truncation = (int) (long) q.get("truncation", Integer.toString(TheorySpectrum.DEFAULT_TRUNCATION),
                t -> Parsers.integer("truncation", t, 1, Limits.MAX_TRUNCATION));
        org.advrisk.linear.ThreatModel threat = ThreatParams.parse(q, attack, true);
        return new TheoryRequest(spectrum, theta, p, n, sigma, noise, seed, lambda, alpha, attack, target, grid,
                nGrid, b, truncation, threat);
    }

    /** The n grid of panels (c) and (d): n-grid with n added, increasing. */
    long[] gridWithN() {
        return java.util.stream.LongStream.concat(java.util.Arrays.stream(nGrid), java.util.stream.LongStream.of(n))
                .distinct().sorted().toArray();
    }

    /** The n grid when none is given: n/8 … 8n by factors of 2 (those ≥ 1). */
    static long[] defaultGrid(long n) {
        java.util.List<Long> out = new java.util.ArrayList<>();
        for (int e = -3; e <= 3; e++) {
            long m = Math.round(n * Math.pow(2, e));
            if (m >= 1 && m <= Limits.MAX_THEORY_N && (out.isEmpty() || m > out.get(out.size() - 1))) {
                out.add(m);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
