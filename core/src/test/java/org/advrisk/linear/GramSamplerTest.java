package org.advrisk.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.advrisk.linalg.Blas;
import org.advrisk.model.LinearProblem;
import org.junit.jupiter.api.Test;

/** The streaming sampler: bit-identical across thread counts, equal to the explicit design, nested in n. */
class GramSamplerTest {
    @Test
    void bitIdenticalForAnyThreadCount() {
        LinearProblem problem = Designs.problem(50, "powerlaw:a=1,b=1", 20_000, "top:k=3,norm=1", 0.5);
        GramStats one = GramSampler.sample(problem, 3, 1, 1);
        GramStats two = GramSampler.sample(problem, 3, 1, 2);
        GramStats four = GramSampler.sample(problem, 3, 1, 4);
        assertThat(two.k()).isEqualTo(one.k());
        assertThat(four.m()).isEqualTo(one.m());
        assertThat(two.b()).isEqualTo(one.b());
        assertThat(four.y()).isEqualTo(one.y());
    }

    @Test
    void equalsStatisticsOfTheExplicitDesign() {
        LinearProblem problem = Designs.problem(25, "twolevel:spikes=3,spike=2,tail=1", 700, "top:k=3,norm=1", 0.5);
        GramStats g = GramSampler.sample(problem, 4, 0, 2);
        double[] x = Designs.x(problem, 4, 0);
        double[] y = Designs.y(problem, 4, 0, x);
        int n = 25;
        int p = 700;
        // Sums of 700 products: rounding differences between block orders stay below 1e-12 relative.
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double k = 0;
                double m = 0;
                for (int l = 0; l < p; l++) {
                    double prod = x[i + l * n] * x[j + l * n];
                    k += prod;
                    m += problem.spectrum().value(l) * prod;
                }
                assertThat(g.k()[i + j * n]).isCloseTo(k, within(1e-12 * p));
                assertThat(g.m()[i + j * n]).isCloseTo(m, within(1e-12 * p));
            }
            assertThat(g.y()[i]).isCloseTo(y[i], within(1e-12));
        }
    }

    @Test
    void designsAreNestedAcrossN() {
        LinearProblem small = Designs.problem(10, "isotropic", 300, "top:k=1,norm=1", 0.5);
        LinearProblem large = Designs.problem(17, "isotropic", 300, "top:k=1,norm=1", 0.5);
        GramStats a = GramSampler.sample(small, 6, 2, 1);
        GramStats b = GramSampler.sample(large, 6, 2, 1);
        for (int i = 0; i < 10; i++) {
            assertThat(b.y()[i]).isEqualTo(a.y()[i]);
            for (int j = 0; j < 10; j++) {
                assertThat(b.k()[i + j * 17]).isCloseTo(a.k()[i + j * 10], within(1e-12 * 300));
            }
        }
        Blas.threads(1);
    }
}
