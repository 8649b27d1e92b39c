package org.advrisk.theory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.advrisk.model.AttackNorm;
import org.advrisk.linear.DualRidgePath;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.LinearProblem;
import org.advrisk.linear.LinearQuery;
import org.advrisk.linear.PathPoint;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.linear.TailMode;
import org.advrisk.model.Target;
import org.advrisk.linear.ThreatModel;
import org.advrisk.linear.ThreatNorms;
import org.advrisk.random.Distribution;
import org.junit.jupiter.api.Test;

/**
 * The deterministic equivalents of the shaped and label-preserving quantities ({@link ThreatEquivalent})
 * against a 300-training-set Monte Carlo of the exact path values ({@link ThreatNorms}): θ̂ᵀΣ^Gθ̂ for
 * G ∈ {0.5, 1}, θ̂ᵀθ* and the label-preserving ‖P⊥θ̂‖² = ‖θ̂‖² − (θ̂ᵀθ*)²/‖θ*‖², at λ ∈ {0, 0.01}, on two
 * spectra (two-level with an exact Wishart tail, and λ_i = 1/i streamed). Each mean must be within 3 of its
 * standard errors (sample standard deviation / √300) of the equivalent.
 */
class ThreatEquivalentVsSimulationTest {
    private static final int TRIALS = 300;
    private static final double[] LAMBDAS = {0, 0.01};

    @Test
    void twoLevelWithExactTail() {
        check(new LinearProblem(100, SpectrumSpec.parse("twolevel:spikes=5,spike=1,tail=1").withSize(10_000),
                GroundTruthSpec.parse("top:k=5,norm=1").withSize(10_000, 0), 0.5, Distribution.GAUSSIAN,
                Distribution.GAUSSIAN), TailMode.EXACT, 11);
    }

    @Test
    void inverseIndexSpectrumStreamed() {
        check(new LinearProblem(100, SpectrumSpec.parse("powerlaw:a=1,b=0").withSize(400),
                GroundTruthSpec.parse("top:k=3,norm=1").withSize(400, 0), 0.5, Distribution.GAUSSIAN,
                Distribution.GAUSSIAN), TailMode.STREAM, 12);
    }

    private static void check(LinearProblem problem, TailMode mode, long seed) {
        ThreatModel[] gs = {new ThreatModel(0.5, false), new ThreatModel(1, false), new ThreatModel(0, true)};
        LinearQuery q = new LinearQuery(LAMBDAS, new double[] {0.1}, List.of(AttackNorm.L2), List.of(Target.CLEAN), 100)
                .withThreats(List.of(gs));
        // per λ: Q_{0.5}, Q_1, θ̂ᵀθ*, ‖P⊥θ̂‖²
        int m = 4;
        double[][] sum = new double[LAMBDAS.length][m];
        double[][] sumSq = new double[LAMBDAS.length][m];
        for (int t = 0; t < TRIALS; t++) {
            DualRidgePath path = DualRidgePath.fit(problem, seed, t, 1, mode);
            PathPoint[] pts = path.at(LAMBDAS);
            ThreatNorms norms = ThreatNorms.of(path, LAMBDAS, pts, q);
            for (int k = 0; k < LAMBDAS.length; k++) {
                double d = norms.dual(k, AttackNorm.L2, Target.CLEAN, gs[2]);
                double[] v = {norms.quad(gs[0], k), norms.quad(gs[1], k), norms.cross(gs[2], k), d * d};
                for (int i = 0; i < m; i++) {
                    sum[k][i] += v[i];
                    sumSq[k][i] += v[i] * v[i];
                }
            }
        }
        TheorySpectrum spectrum = TheoryProblem.spectrum(problem, TheorySpectrum.DEFAULT_TRUNCATION);
        DeterministicEquivalent de = TheoryProblem.equivalent(problem);
        String[] names = {"θ̂ᵀΣ^0.5θ̂", "θ̂ᵀΣθ̂", "θ̂ᵀθ*", "‖P⊥θ̂‖²"};
        for (int k = 0; k < LAMBDAS.length; k++) {
            DePoint d = de.at(LAMBDAS[k]);
            ThreatEquivalent half = ThreatEquivalent.of(spectrum, d, 0.5);
            ThreatEquivalent one = ThreatEquivalent.of(spectrum, d, 1);
            ThreatEquivalent zero = ThreatEquivalent.of(spectrum, d, 0);
            double lp = zero.dual(AttackNorm.L2, Target.CLEAN, true);
            double[] want = {half.quad(), one.quad(), zero.cross(), lp * lp};
            for (int i = 0; i < m; i++) {
                double mean = sum[k][i] / TRIALS;
                double sd = Math.sqrt(Math.max(0, (sumSq[k][i] - TRIALS * mean * mean) / (TRIALS - 1)));
                double se = sd / Math.sqrt(TRIALS);
                System.out.printf(Locale.ROOT, "%s λ=%s %s: MC %.6g ± %.3g, DE %.6g, z = %+.2f%n",
                        problem.spectrum().describe(), LAMBDAS[k], names[i], mean, se, want[i], (mean - want[i]) / se);
                assertThat(Math.abs(mean - want[i])).as("%s at λ=%s on %s: MC %s ± %s, DE %s", names[i], LAMBDAS[k],
                        problem.spectrum().describe(), mean, se, want[i]).isLessThanOrEqualTo(3 * se);
            }
        }
    }
}
