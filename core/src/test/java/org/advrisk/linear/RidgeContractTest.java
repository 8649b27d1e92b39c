package org.advrisk.linear;

import java.util.SplittableRandom;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.LinearProblem;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.random.Distribution;
import org.junit.jupiter.api.Nested;

/** {@link RidgeEstimator} on every kind of training data passes {@link LinearEstimatorContract}. */
class RidgeContractTest {
    private static final double[] LAMBDAS = {0, 1e-3, 0.1, 2};

    /** Ridge fitted on given data, checked against the normal equations of the explicit design. */
    abstract static class RidgeCase extends LinearEstimatorContract {
        private DesignData explicit;

        @Override
        protected Estimator<TrainingData, LinearPath> estimator() {
            RidgeEstimator ridge = new RidgeEstimator(2);
            return ridge::fit;
        }

        @Override
        protected double[] params() {
            return LAMBDAS;
        }

        /** The explicit design of the same training set (independent of the data under test). */
        protected abstract DesignData makeExplicit();

        @Override
        protected DesignData explicitData() {
            if (explicit == null) {
                explicit = makeExplicit();
            }
            return explicit;
        }

        @Override
        protected double[] directTheta(double lambda) {
            return ridgeByNormalEquations(explicitData(), lambda);
        }
    }

    static LinearProblem problem(int n, long p, String spectrum, Distribution design) {
        return new LinearProblem(n, SpectrumSpec.parse(spectrum).withSize(p),
                GroundTruthSpec.parse("random:k=5,norm=1").withSize(p, 3), 0.5, Distribution.GAUSSIAN, design);
    }

    /** p ≥ n: streamed Gram statistics (dual path, θ̂ rebuilt from the streams). */
    @Nested
    class StreamedGram extends RidgeCase {
        final LinearProblem pr = problem(30, 120, "powerlaw:a=1,b=0", Distribution.GAUSSIAN);

        @Override
        protected TrainingData data() {
            return GramSampler.sample(pr, 7, 2, 2);
        }

        @Override
        protected DesignData makeExplicit() {
            double[] x = Designs.x(pr, 7, 2);
            return new DesignData(30, 120, x, Designs.y(pr, 7, 2, x), new SampleSource(pr, 7, 2));
        }
    }

    /** p ≥ n with a Rademacher design: θ̂ summaries use a test sample from the same streams. */
    @Nested
    class StreamedGramRademacher extends StreamedGram {
        final LinearProblem rad = problem(30, 120, "powerlaw:a=1,b=0", Distribution.RADEMACHER);

        @Override
        protected TrainingData data() {
            return GramSampler.sample(rad, 7, 2, 2);
        }

        @Override
        protected DesignData makeExplicit() {
            double[] x = Designs.x(rad, 7, 2);
            return new DesignData(30, 120, x, Designs.y(rad, 7, 2, x), new SampleSource(rad, 7, 2));
        }
    }

    /** p &lt; n: the sampled explicit design (primal path through XᵀX). */
    @Nested
    class SampledPrimal extends RidgeCase {
        final LinearProblem pr = problem(60, 20, "powerlaw:a=1,b=0", Distribution.GAUSSIAN);

        @Override
        protected TrainingData data() {
            return DesignSampler.sample(pr, 5, 1);
        }

        @Override
        protected DesignData makeExplicit() {
            double[] x = Designs.x(pr, 5, 1);
            return new DesignData(60, 20, x, Designs.y(pr, 5, 1, x), new SampleSource(pr, 5, 1));
        }
    }

    /** p ≥ n on an explicit sampled design (dual path through XXᵀ formed from X). */
    @Nested
    class SampledExplicitDual extends RidgeCase {
        final LinearProblem pr = problem(25, 90, "isotropic", Distribution.GAUSSIAN);

        @Override
        protected TrainingData data() {
            return DesignSampler.sample(pr, 4, 0);
        }

        @Override
        protected DesignData makeExplicit() {
            double[] x = Designs.x(pr, 4, 0);
            return new DesignData(25, 90, x, Designs.y(pr, 4, 0, x), new SampleSource(pr, 4, 0));
        }
    }

    /** A user's centred table with p &lt; n: no population, primal path. */
    @Nested
    class TablePrimal extends RidgeCase {
        @Override
        protected TrainingData data() {
            return table(50, 12, 31);
        }

        @Override
        protected DesignData makeExplicit() {
            return table(50, 12, 31);
        }
    }

    /**
     * A user's centred table with p ≥ n: no population, dual path through XXᵀ. Centring makes XXᵀ
     * singular (1 is in its kernel), so λ = 0 is refused there and only λ > 0 is checked.
     */
    @Nested
    class TableDual extends RidgeCase {
        @Override
        protected double[] params() {
            return new double[] {1e-3, 0.1, 2};
        }

        @Override
        protected TrainingData data() {
            return table(20, 45, 32);
        }

        @Override
        protected DesignData makeExplicit() {
            return table(20, 45, 32);
        }
    }

    /** A centred random table: columns of mean 0, y = X·w + noise. */
    static DesignData table(int n, int p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * p];
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                x[i + j * n] = r.nextGaussian() * (1 + j % 3);
                mean += x[i + j * n] / n;
            }
            for (int i = 0; i < n; i++) {
                x[i + j * n] -= mean;
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[i] - 0.5 * x[i + n] + 0.3 * r.nextGaussian();
        }
        double my = 0;
        for (double v : y) {
            my += v / n;
        }
        for (int i = 0; i < n; i++) {
            y[i] -= my;
        }
        return DesignData.of(n, p, x, y);
    }
}
