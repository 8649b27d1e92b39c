package org.advrisk.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of a source seen through a feature map: each row's features are standardised with given
 * (training) statistics and mapped, x ↦ φ((x − mean)/sd); the target is unchanged.
 */
public final class MappedRows implements Rows {
    private final Rows source;
    private final double[] mean;
    private final double[] sd;
    private final FeatureMap map;
    private final List<String> names;

    /** Wraps source; mean and sd standardise its features (training statistics). */
    public MappedRows(Rows source, double[] mean, double[] sd, FeatureMap map) {
        this.source = source;
        this.mean = mean;
        this.sd = sd;
        this.map = map;
        List<String> n = new ArrayList<>();
        for (int k = 0; k < map.m(); k++) {
            n.add(map.kind() + (k + 1));
        }
        this.names = List.copyOf(n);
    }

    /** The input standardisation z = (x − mean)/sd. */
    public void standardize(double[] x, double[] z, int off) {
        for (int j = 0; j < mean.length; j++) {
            z[off + j] = (x[j] - mean[j]) / sd[j];
        }
    }

    @Override
    public List<String> featureNames() {
        return names;
    }

    @Override
    public String targetName() {
        return source.targetName();
    }

    @Override
    public void forEach(Visitor v) {
        double[] z = new double[mean.length];
        double[] phi = new double[map.m()];
        source.forEach((i, x, y) -> {
            standardize(x, z, 0);
            map.apply(z, 0, phi);
            v.row(i, phi, y);
        });
    }
}
