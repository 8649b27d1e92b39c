package org.advrisk.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
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
    void underparameterisedWithASubnormalLambdaIsTheOlsLimit() {
        // Σ = I, p = n/2, λ = 5e-324: κ ≈ λ/(1 − γ) is subnormal; the answer is the OLS limit
        // variance σ²γ/(1−γ), bias 0 (the ridgeless limit of isotropicUnderparameterisedRidgelessLimit)
        int n = 100;
        double sigma = 0.5;
        TheorySpectrum s = TheorySpectrum.of(SpectrumSpec.parse("isotropic").withSize(50),
                GroundTruthSpec.parse("top:k=1,norm=1").withSize(50, 1), TheorySpectrum.DEFAULT_TRUNCATION);
        for (double lambda : new double[] {5e-324, 3e-322, 1e-310}) {
            DePoint d = new DeterministicEquivalent(s, n, sigma).at(lambda);
            assertThat(d.variance()).as("lambda=%s", lambda).isCloseTo(sigma * sigma, withinPercentage(1e-8));
            assertThat(d.bias()).as("lambda=%s", lambda).isLessThan(1e-300);
        }
    }

    @Test
    void aSpectrumWhoseTailUnderflowsToZeroIsAnsweredAsFinite() {
        // powerlaw a=1e300,b=1: λ_1 = 1/ln 2 and every later eigenvalue underflows to 0 (a tail of zeros):
        // one positive eigenvalue, so ridge at n=10 is the one-dimensional problem κ(1 − (λ_1/(λ_1+κ))/n) = λ
        TheorySpectrum s = TheorySpectrum.of(SpectrumSpec.parse("powerlaw:a=1e300,b=1").withSize(100_000),
                GroundTruthSpec.parse("top:k=1").withSize(100_000, 1), 1000);
        int n = 10;
        for (double lambda : new double[] {1e-3, 1}) {
            DePoint d = new DeterministicEquivalent(s, n, 0.5).at(lambda);
            double kappa = d.kappa();
            double l1 = 1 / Math.log(2);
            assertThat(kappa * (1 - l1 / (l1 + kappa) / n)).as("lambda=%s", lambda)
                    .isCloseTo(lambda, withinPercentage(1e-8));
            assertThat(d.stdRisk()).isFinite();
        }
        // λ = 5e-324: κ is subnormal (no 1e-10 root check possible); the answer is OLS in one dimension,
        // variance σ²γ/(1−γ) with γ = 1/n (was: refused, 0/0 in the zero tail's terms)
        DePoint d = new DeterministicEquivalent(s, n, 0.5).at(5e-324);
        assertThat(d.variance()).isCloseTo(0.25 * 0.1 / 0.9, withinPercentage(1e-8));
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
