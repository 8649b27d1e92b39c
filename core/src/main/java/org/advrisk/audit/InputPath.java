package org.advrisk.audit;

import java.util.Arrays;
import java.util.Set;
import org.advrisk.attack.Predictor;
import org.advrisk.data.FeatureMap;
import org.advrisk.data.GramAccumulator;
import org.advrisk.data.MappedRows;
import org.advrisk.data.Rows;
import org.advrisk.data.Split;
import org.advrisk.data.TrainingStatistics;
import org.advrisk.kernel.ReluNtk;

/**
 * A nonlinear model of the standardised inputs z fitted on one split's training rows, for every λ
 * of a grid: ridge on random features φ(z) ({@code relu:…}, {@code rff:…}: the features are streamed
 * through {@link GramAccumulator}) or kernel ridge with the K1 neural tangent kernel ({@code ntk}:
 * {@link InterceptKernelRidgePath}, which holds the n×n Gram). Both have the audit's free,
 * unpenalised intercept.
 */
abstract class InputPath {
    /** The map spec as given ({@code relu:m=M}, {@code rff:m=M,gamma=G}, {@code ntk}). */
    final String spec;
    /** The λ grid, ascending. */
    final double[] lambdas;

    InputPath(String spec, double[] lambdas) {
        this.spec = spec;
        this.lambdas = lambdas;
    }

    /** Whether a map spec names the kernel ({@code ntk} or {@code ntk:activation=A}). */
    static boolean isKernel(String spec) {
        String t = spec.trim().toLowerCase(java.util.Locale.ROOT);
        return t.equals("ntk") || t.startsWith("ntk:");
    }

    /**
     * The K1 kernel of a kernel spec: {@code ntk} is the relu NTK; {@code ntk:activation=A} the first-layer NTK
     * of another activation (docs/ntk.md §6), on d standardised inputs.
     */
    static org.advrisk.kernel.Kernel kernelOf(String spec, int d) {
        String t = spec.trim().toLowerCase(java.util.Locale.ROOT);
        org.advrisk.kernel.Activation act = org.advrisk.kernel.Activation.RELU;
        if (t.startsWith("ntk:")) {
            for (String kv : t.substring(4).split(",")) {
                String[] p = kv.split("=", 2);
                if (p.length != 2 || !p[0].trim().equals("activation")) {
                    throw new IllegalArgumentException("map: '" + spec + "' is not allowed; allowed: none, relu:m=M,"
                            + " rff:m=M,gamma=G, ntk, ntk:activation=A (A: " + org.advrisk.kernel.Activation.ALLOWED + ")");
                }
                try {
                    act = org.advrisk.kernel.Activation.parse(p[1]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("map: activation '" + p[1].trim() + "' in '" + spec
                            + "' is not allowed; allowed: " + org.advrisk.kernel.Activation.ALLOWED);
                }
            }
        }
        return org.advrisk.kernel.ActivationNtk.of(act, ReluNtk.K1, d);
    }

    /** The random feature map of a spec, or null for {@code ntk}. */
    static FeatureMap featureMap(String spec, int d, long seed) {
        return isKernel(spec) ? null : FeatureMap.parse(spec, d, seed);
    }

    /** Features of the fitted model reported in the rows' {@code p}: m mapped features, or d inputs for the kernel. */
    abstract int p();

    /** f(z) at λ_l. */
    abstract Predictor predictor(int l);

    /** Training MSE at λ_l. */
    abstract double trainMse(int l);

    /** The intercept b at λ_l. */
    abstract double intercept(int l);

    /** The weights at λ_l: c over the m mapped features (0 for dropped ones), or over the n training points. */
    abstract double[] weights(int l);

    /** The kernel's training points (d×n standardised), or null for a feature map. */
    abstract double[] points();

    /** Fits on the training rows of {@code split}, standardised by mean and sd. */
    static InputPath fit(String spec, FeatureMap map, Rows train, Split split, double[] mean, double[] sd, double[] lambdas,
                         Set<String> notes) {
        return map == null ? kernel(spec, train, split, mean, sd, lambdas) : mapped(spec, map, train, split, mean, sd, lambdas, notes);
    }

    private static InputPath mapped(String spec, FeatureMap map, Rows train, Split split, double[] mean, double[] sd,
                                    double[] lambdas, Set<String> notes) {
        MappedRows rows = new MappedRows(train, mean, sd, map);
        TrainingStatistics st = GramAccumulator.accumulate(rows, split, false, true);
        if (!st.dropped().isEmpty()) {
            notes.add(st.dropped().size() + " mapped feature(s) constant on the training rows dropped (" + split.label() + ")");
        }
        TableRidgePath path = new TableRidge().fit(st);
        double[] thetas = path.thetas(lambdas);
        int q = st.p();
        return new InputPath(spec, lambdas) {
            @Override
            int p() {
                return map.m();
            }

            @Override
            double[] weights(int l) {
                double[] c = new double[map.m()];
                for (int k = 0; k < q; k++) {
                    c[st.kept()[k]] = thetas[k + l * q];
                }
                return c;
            }

            @Override
            double intercept(int l) {
                double offset = st.yMean();
                for (int k = 0; k < q; k++) {
                    offset -= thetas[k + l * q] * st.mean()[k];
                }
                return offset;
            }

            @Override
            Predictor predictor(int l) {
                return MappedAudit.predictor(map, weights(l), intercept(l));
            }

            @Override
            double trainMse(int l) {
                return path.trainMse(lambdas[l]);
            }

            @Override
            double[] points() {
                return null;
            }
        };
    }

    private static InputPath kernel(String spec, Rows train, Split split, double[] mean, double[] sd, double[] lambdas) {
        int d = train.p();
        int n = split.nTrain();
        org.advrisk.linalg.MemoryBudget.require(8L * n * d, "the " + n + "×" + d + " standardised training inputs of --map ntk");
        double[] z = new double[n * d];
        double[] y = new double[n];
        int[] at = {0};
        train.forEach((i, x, yi) -> {
            if (split.train(i)) {
                for (int j = 0; j < d; j++) {
                    z[at[0] * d + j] = (x[j] - mean[j]) / sd[j];
                }
                y[at[0]++] = yi;
            }
        });
        org.advrisk.kernel.Kernel kernel = kernelOf(spec, d);
        InterceptKernelRidgePath path = InterceptKernelRidgePath.fit(kernel, d, n, z, y);
        double[][] cb = new double[lambdas.length][];
        for (int l = 0; l < lambdas.length; l++) {
            cb[l] = path.solve(lambdas[l]);
        }
        return new InputPath(spec, lambdas) {
            @Override
            int p() {
                return d;
            }

            @Override
            double[] weights(int l) {
                return Arrays.copyOf(cb[l], n);
            }

            @Override
            double intercept(int l) {
                return cb[l][n];
            }

            @Override
            Predictor predictor(int l) {
                return InterceptKernelRidgePath.predictor(kernel, d, n, z, weights(l), intercept(l));
            }

            @Override
            double trainMse(int l) {
                return path.trainMse(lambdas[l]);
            }

            @Override
            double[] points() {
                return z;
            }
        };
    }
}
