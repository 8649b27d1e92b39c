package org.advrisk.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The closed-form perturbation is feasible and attains (|⟨x,v⟩| + α‖θ‖_q)² for every p. */
class LinearWorstCaseTest {
    /**
     * For p in {1, 2, 3, ∞} and random θ, x, θ*: ‖δ‖_p = α (to 1e-12 relative) and
     * (⟨x+δ, θ⟩ − ⟨x, θ*⟩)² equals (|⟨x, θ − θ*⟩| + α‖θ‖_q)² to 1e-12 relative (sums of 15 terms).
     * l1 uses the largest ABSOLUTE coefficient: θ has its largest |θ_j| at a negative entry, where
     * the largest signed coefficient would under-report the risk.
     */
    @Test
    void attainsTheHolderBoundForAllNorms() {
        SplittableRandom r = new SplittableRandom(17);
        int d = 15;
        for (int rep = 0; rep < 20; rep++) {
            double[] theta = new double[d];
            double[] star = new double[d];
            double[] x = new double[d];
            for (int k = 0; k < d; k++) {
                theta[k] = r.nextGaussian();
                star[k] = r.nextGaussian();
                x[k] = r.nextGaussian();
            }
            theta[rep % d] = -10; // the largest absolute coefficient is negative
            double e = 0;
            for (int k = 0; k < d; k++) {
                e += x[k] * (theta[k] - star[k]);
            }
            for (double p : new double[] {1, 2, 3, Double.POSITIVE_INFINITY}) {
                double alpha = 0.3;
                double[] delta = LinearWorstCase.perturbation(theta, e, alpha, p);
                assertThat(LinearWorstCase.norm(delta, p)).isCloseTo(alpha, within(1e-12 * alpha));
                double attacked = e;
                for (int k = 0; k < d; k++) {
                    attacked += delta[k] * theta[k];
                }
                double q = LinearWorstCase.dual(p);
                double expected = Math.pow(Math.abs(e) + alpha * LinearWorstCase.norm(theta, q), 2);
                assertThat(attacked * attacked).as("p=" + p).isCloseTo(expected, within(1e-12 * expected));
                assertThat(LinearWorstCase.value(e, theta, alpha, p)).isCloseTo(expected, within(1e-12 * expected));
            }
        }
    }

    @Test
    void dualExponents() {
        assertThat(LinearWorstCase.dual(2)).isEqualTo(2);
        assertThat(LinearWorstCase.dual(1)).isInfinite();
        assertThat(LinearWorstCase.dual(Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(LinearWorstCase.dual(3)).isEqualTo(1.5);
    }
}
