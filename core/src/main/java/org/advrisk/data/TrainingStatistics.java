package org.advrisk.data;

import java.util.List;

/**
 * What a linear fit needs from the training rows, in standardised units z_j = (x_j − x̄_j)/s_j
 * (s_j = 1 when standardisation is off): the training means and standard deviations (ddof = 0),
 * ȳ, and either the primal statistics G = ZᵀZ (p×p), c = Zᵀ(y − ȳ) and ‖y − ȳ‖² (p &lt; n), or the
 * standardised training matrix Z itself (n×p column-major) and y − ȳ (p ≥ n, the dual path).
 *
 * @param featureNames the features kept (constant ones may have been dropped)
 * @param kept         index of each kept feature in the source's feature list
 * @param n            training rows
 * @param mean         training mean of each kept feature (raw units)
 * @param sd           training standard deviation of each kept feature (1 when not standardised)
 * @param standardized whether sd holds the training standard deviations
 * @param yMean        training mean of the target
 * @param gram         primal: ZᵀZ, p×p, both triangles; null on the dual path
 * @param xty          primal: Zᵀ(y − ȳ); null on the dual path
 * @param yy           ‖y − ȳ‖²
 * @param z            dual: Z, n×p column-major; null on the primal path
 * @param yc           dual: y − ȳ; null on the primal path
 * @param dropped      names of constant columns dropped
 */
public record TrainingStatistics(List<String> featureNames, int[] kept, int n, double[] mean, double[] sd,
                                 boolean standardized, double yMean, double[] gram, double[] xty, double yy,
                                 double[] z, double[] yc, List<String> dropped) {
    /** The number of features p. */
    public int p() {
        return featureNames.size();
    }

    /** Whether the statistics are the dual ones (Z held, p ≥ n). */
    public boolean dual() {
        return z != null;
    }

    /** z = (x − mean)/sd for the kept features of a source row x (length of the source's p). */
    public void standardize(double[] sourceRow, double[] out, int offset) {
        int[] columns = kept; // locals: the quick JIT (C1) does not hoist field loads out of the loop
        double[] m = mean;
        double[] s = sd;
        for (int k = 0; k < columns.length; k++) {
            out[offset + k] = (sourceRow[columns[k]] - m[k]) / s[k];
        }
    }
}
