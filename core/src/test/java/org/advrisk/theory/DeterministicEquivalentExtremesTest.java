package org.advrisk.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.advrisk.linear.GroundTruthSpec;
import org.advrisk.linear.SpectrumSpec;
import org.junit.jupiter.api.Test;

/**
 * Extreme accepted values (issue 25): an answer where one exists, else a refusal naming the
 * parameter, never an IllegalStateException.
 */
class DeterministicEquivalentExtremesTest {

    @Test
    void isotropicAtPEqualsNWithATinyLambdaMatchesTheClosedForm() {
        // Σ = I, p = n: κ²/(1+κ) = λ, so κ = (λ + √(λ² + 4λ))/2 ≈ √λ, and 1 − df2/n = κ(2+κ)/(1+κ)²,
        // variance = σ²(df2/n)/(1 − df2/n) = σ²/(κ(2+κ)). The old 1 − df2/n rounded to 0 (s = 1 in doubles).
        int n = 100;
        double sigma = 0.5;
        TheorySpectrum s = TheorySpectrum.of(SpectrumSpec.parse("isotropic").withSize(n),
                GroundTruthSpec.parse("top:k=1,norm=1").withSize(n, 1), TheorySpectrum.DEFAULT_TRUNCATION);
        for (double lambda : new double[] {1e-300, 5e-324, 1e-20}) {
            DePoint d = new DeterministicEquivalent(s, n, sigma).at(lambda);
            double kappa = (lambda + Math.sqrt(lambda * lambda + 4 * lambda)) / 2;
            // κ solved to 1e-14 relative; variance ∝ 1/κ: 1e-10 relative (1e-8 percent) as elsewhere
            assertThat(d.kappa()).as("lambda=%s", lambda).isCloseTo(kappa, withinPercentage(1e-8));
            assertThat(d.variance()).as("lambda=%s", lambda)
                    .isCloseTo(sigma * sigma / (kappa * (2 + kappa)), withinPercentage(1e-8));
        }
    }

    @Test
    void aSteepLawWithAShortTruncationGetsItsMinNormPointWithinTheTailError() {
        // powerlaw a=50 at n=10 with P=10: the min-norm κ (~1e-51) is close to the tail's eigenvalues
        // (was: IllegalStateException "no lower bracket", since n − df1 cancelled to rounding noise)
        TheorySpectrum s = TheorySpectrum.of(SpectrumSpec.parse("powerlaw:a=50,b=0").withSize(1000),
                GroundTruthSpec.parse("top:k=1").withSize(1000, 1), 10);
        DePoint z = new DeterministicEquivalent(s, 10, 0.5).at(0);
        // with the spectrum listed in full the same point has an answer
        TheorySpectrum full = TheorySpectrum.of(SpectrumSpec.parse("powerlaw:a=50,b=0").withSize(1000),
                GroundTruthSpec.parse("top:k=1").withSize(1000, 1), 1000);
        DePoint d = new DeterministicEquivalent(full, 10, 0.5).at(0);
        assertThat(d.stdRisk()).isFinite().isPositive();
        // κ is the root: Σ λ_i/(λ_i+κ) = n
        double df1 = 0;
        for (double v : full.expandedValues()) {
            df1 += v / (v + d.kappa());
        }
        assertThat(df1).isCloseTo(10, withinPercentage(1e-8));
        // the tail expansion drops terms of relative size tailRatio²; the command line warns above 0.01
        double r2 = z.tailRatio() * z.tailRatio();
        assertThat(z.tailRatio()).isGreaterThan(0.01).isLessThan(0.5);
        assertThat(z.kappa()).isCloseTo(d.kappa(), withinPercentage(100 * 2 * r2));
        assertThat(z.stdRisk()).isCloseTo(d.stdRisk(), withinPercentage(100 * 3 * r2));
    }
}
