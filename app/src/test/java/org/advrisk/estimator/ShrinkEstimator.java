package org.advrisk.estimator;

import java.util.Map;
import org.advrisk.columns.Column;
import org.advrisk.linear.SpectralFamily;
import org.advrisk.linear.SpectralFilter;
import org.advrisk.param.NumberParam;

/**
 * A toy estimator declared through the registry only: the shrunken minimum-norm fit θ̂ = c·θ̂₀, i.e. the
 * spectral filter g(s) = c/s (c in [0, 1], parameter {@code shrink}); registered by
 * {@code META-INF/services/org.advrisk.estimator.EstimatorKind} in the test tree.
 */
public final class ShrinkEstimator implements SpectralEstimator {
    static final Column SHRINK = new Column("shrink", "shrinkage c of the min-norm fit θ̂ = c·θ̂₀ (toy)", "1",
            Column.Kind.REAL);
    private static final PathParameter PARAMETER = new PathParameter(SHRINK,
            new NumberParam("shrink", 0, 1, "", "shrinkage c in [0, 1] of the min-norm fit θ̂ = c·θ̂₀"), "0.5,1");

    @Override
    public String name() {
        return "shrink";
    }

    @Override
    public String summary() {
        return "the min-norm fit shrunk by c: θ̂ = c·θ̂₀";
    }

    @Override
    public PathParameter parameter() {
        return PARAMETER;
    }

    @Override
    public SpectralFamily family(Map<String, Double> settings) {
        return new SpectralFamily() {
            @Override
            public String parameter() {
                return SHRINK.name();
            }

            @Override
            public String label() {
                return "shrink";
            }

            @Override
            public SpectralFilter filter(double c, int n, double minEig, double maxEig, double cutoff, String what) {
                SpectralFilter minNorm = SpectralFamily.RIDGE.filter(0, n, minEig, maxEig, cutoff, what); // λ = 0's rule
                return new SpectralFilter() {
                    @Override
                    public double apply(double proj, double s) {
                        return c * minNorm.apply(proj, s);
                    }

                    @Override
                    public double residual(double s) {
                        return 1 - c * (1 - minNorm.residual(s));
                    }
                };
            }
        };
    }
}
