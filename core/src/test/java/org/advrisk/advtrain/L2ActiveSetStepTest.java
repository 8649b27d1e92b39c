package org.advrisk.advtrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.SplittableRandom;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.Norms;
import org.junit.jupiter.api.Test;

/**
 * The l2 active-set Newton step against the scipy fixture: from a perturbed or a far start it returns a
 * point whose certified lower bound never exceeds the independent minimum (the certificate is sound
 * whatever piece Newton ends on), from a nearby start it closes the gap at the fixture's θ̂, and the
 * reduced coordinates reproduce θ and the residuals.
 */
class L2ActiveSetStepTest {
    /**
     * Slack on "lower bound ≤ scipy's F": scipy's F is above the true minimum, and the bound is a ratio of
     * sums of ≤ 40 terms computed in double precision (relative rounding ≲ 40·1e-16).
     */
    private static final double ROUNDING = 1e-14;

    @Test
    void certifiedBoundNeverExceedsTheIndependentMinimum() throws IOException {
        SplittableRandom rng = new SplittableRandom(3);
        for (AdversarialTrainingTest.Case c : AdversarialTrainingTest.fixture()) {
            if (c.attack() != AttackNorm.L2) {
                continue;
            }
            AdvTrainData d = c.data();
            double bar = new AdversarialTraining(d, c.attack(), AdversarialTraining.Options.DEFAULT).thresholds()
                    .deltaBar();
            for (int k = 0; k < c.deltas().length; k++) {
                double delta = c.deltas()[k];
                if (delta <= bar) {
                    continue; // every residual is 0 there: the closed form's regime, never polished
                }
                double fStar = c.objectives()[k];
                for (double noise : new double[] {1e-4, 0.3}) {
                    // A start in the row space of X (as every iterate of the solver): θ = Xᵀα for p > n.
                    double[] theta = perturbed(d, c.thetas()[k], noise, rng);
                    double b = c.bs()[k] + (d.intercept() ? noise * rng.nextGaussian() : 0);
                    double[] r = d.residuals(theta, b);
                    L2ActiveSetStep step = new L2ActiveSetStep(d, new WeightedRidge(d));
                    ActiveSetStep.Candidate cand = step.best(theta, b, r, delta, 1e-12);
                    String what = c.label() + " delta=" + delta + " noise=" + noise;
                    assertThat(cand).as(what).isNotNull();
                    assertThat(cand.lowerBound()).as(what + " bound").isLessThanOrEqualTo(fStar * (1 + ROUNDING));
                    double f = AdvTrainCertificate.objective(d.residuals(cand.theta(), cand.b()),
                            Norms.lq(cand.theta(), 2), delta);
                    assertThat(cand.objective()).as(what).isCloseTo(f, within(1e-14 * f));
                    assertThat(f).as(what + " never below the minimum").isGreaterThanOrEqualTo(fStar * (1 - 1e-12));
                    if (noise == 1e-4) {
                        // Near the solution Newton finds the right piece: gap closed, θ̂ as the fixture's
                        // (accurate to ~1e-7, see AdversarialTrainingTest).
                        assertThat(ReweightedRidge.gap(cand.objective(), cand.lowerBound())).as(what + " gap")
                                .isLessThanOrEqualTo(1e-12);
                        for (int j = 0; j < d.p(); j++) {
                            assertThat(cand.theta()[j]).as(what + " theta").isCloseTo(c.thetas()[k][j], within(1e-6));
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyL2FixtureFitIsClosedByTheActiveSetStep() throws IOException {
        for (AdversarialTrainingTest.Case c : AdversarialTrainingTest.fixture()) {
            if (c.attack() != AttackNorm.L2) {
                continue;
            }
            AdvTrainPath path = new AdversarialTraining(c.data(), c.attack(), AdversarialTraining.Options.DEFAULT)
                    .path(c.deltas());
            for (AdvTrainFit f : path.fits()) {
                if (f.status() != AdvTrainStatus.INTERPOLATOR) {
                    // Without a working Newton step these end CONVERGED after 25–1100 reweighted iterations.
                    assertThat(f.status()).as(c.label() + " delta=" + f.delta()).isEqualTo(AdvTrainStatus.POLISHED);
                }
            }
        }
    }

    @Test
    void reducedCoordinatesReproduceThetaAndResiduals() throws IOException {
        SplittableRandom rng = new SplittableRandom(9);
        for (AdversarialTrainingTest.Case c : AdversarialTrainingTest.fixture()) {
            AdvTrainData d = c.data();
            ReducedDesign rd = ReducedDesign.of(d, new WeightedRidge(d));
            assertThat(rd.k()).isEqualTo(Math.min(d.n(), d.p()));
            double[] theta = perturbed(d, c.thetas()[0], 0.5, rng);
            double b = d.intercept() ? 0.7 : 0;
            double[] u = rd.toReduced(theta);
            // ‖u‖ = ‖θ‖ and Mu = Xθ, so F is the same function in both coordinates.
            assertThat(Norms.lq(u, 2)).isCloseTo(Norms.lq(theta, 2), within(1e-12 * Norms.lq(theta, 2)));
            double[] r = d.residuals(theta, b);
            double[] ru = rd.residuals(u, b);
            for (int i = 0; i < d.n(); i++) {
                assertThat(ru[i]).isCloseTo(r[i], within(1e-11));
            }
            double[] back = rd.fromReduced(u);
            for (int j = 0; j < d.p(); j++) {
                assertThat(back[j]).isCloseTo(theta[j], within(1e-11));
            }
        }
    }

    /**
     * θ + noise, kept in the row space of X when p > n (θ̂ of the fixture is there up to its ~1e-7
     * accuracy; the projection is by least squares in α of θ ≈ Xᵀα, through commons-math QR).
     */
    private static double[] perturbed(AdvTrainData d, double[] theta, double noise, SplittableRandom rng) {
        int n = d.n();
        int p = d.p();
        double[] t = theta.clone();
        for (int j = 0; j < p; j++) {
            t[j] += noise * rng.nextGaussian() * (Math.abs(theta[j]) + 0.1);
        }
        if (p <= n) {
            return t;
        }
        double[][] xt = new double[p][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                xt[j][i] = d.x()[i + j * n];
            }
        }
        double[] alpha = new org.apache.commons.math3.linear.QRDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(xt, false)).getSolver()
                .solve(new org.apache.commons.math3.linear.ArrayRealVector(t, false)).toArray();
        return d.xtv(alpha);
    }
}
