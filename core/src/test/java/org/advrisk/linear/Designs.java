package org.advrisk.linear;

import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.LinearProblem;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.random.Purpose;

/** Test helper: the explicit n×p design X and labels y the streaming sampler uses. */
public final class Designs {
    private Designs() {
    }

    public static double[] x(LinearProblem problem, long seed, long trial) {
        return DesignSampler.design(problem, seed, trial, Purpose.DESIGN, problem.n());
    }

    public static double[] y(LinearProblem problem, long seed, long trial, double[] x) {
        int n = problem.n();
        int p = (int) problem.p();
        double[] xi = FeatureBlocks.noise(problem.noise(), seed, trial, Purpose.NOISE, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += x[i + j * n] * problem.theta().value(j);
            }
            y[i] = s + problem.sigma() * xi[i];
        }
        return y;
    }

    public static LinearProblem problem(int n, String spectrum, long p, String theta, double sigma) {
        return new LinearProblem(n, SpectrumSpec.parse(spectrum).withSize(p),
                GroundTruthSpec.parse(theta).withSize(p, 1), sigma,
                org.advrisk.random.Distribution.GAUSSIAN, org.advrisk.random.Distribution.GAUSSIAN);
    }
}
