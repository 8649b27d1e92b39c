package org.advrisk.stats;

import java.util.List;

/**
 * Per-trial values of K measured quantities at each of several sample sizes: the unit the
 * {@link Bootstrap} resamples. Cell j holds {@code values.get(j)[t][k]} for trial t (one training
 * set) and quantity k; all quantities of one trial come from the same training set, so a
 * resample keeps them together (e.g. the whole λ path of one training set). Cells may hold
 * different numbers of trials.
 *
 * @param ns         the sample size of each cell (strictly increasing)
 * @param quantities names of the K quantities (for messages)
 * @param values     per cell, trials × K
 */
public record TrialCells(double[] ns, List<String> quantities, List<double[][]> values) {
    public TrialCells {
        if (ns.length == 0 || ns.length != values.size()) {
            throw new IllegalArgumentException("cells: " + ns.length + " sample sizes and " + values.size()
                    + " cells; allowed: the same positive number");
        }
        for (int j = 0; j < ns.length; j++) {
            if (j > 0 && !(ns[j] > ns[j - 1])) {
                throw new IllegalArgumentException("n: " + ns[j] + " after " + ns[j - 1]
                        + " is not allowed; allowed: strictly increasing sample sizes");
            }
            double[][] c = values.get(j);
            if (c.length == 0) {
                throw new IllegalArgumentException("trials: none at n = " + ns[j] + "; allowed: at least 1");
            }
            for (double[] row : c) {
                if (row.length != quantities.size()) {
                    throw new IllegalArgumentException("quantities: a trial at n = " + ns[j] + " has " + row.length
                            + " values; allowed: " + quantities.size() + " (" + quantities + ")");
                }
                for (int k = 0; k < row.length; k++) {
                    if (!Double.isFinite(row[k])) {
                        throw new IllegalArgumentException(quantities.get(k) + ": " + row[k] + " at n = " + ns[j]
                                + " is not allowed; allowed: a finite number");
                    }
                }
            }
        }
        ns = ns.clone();
        quantities = List.copyOf(quantities);
        values = List.copyOf(values);
    }

    /** Number of cells (sample sizes). */
    public int cells() {
        return ns.length;
    }

    /** The smallest number of trials in any cell. */
    public int minTrials() {
        int m = Integer.MAX_VALUE;
        for (double[][] c : values) {
            m = Math.min(m, c.length);
        }
        return m;
    }

    /** The index of a quantity by name. */
    public int index(String quantity) {
        int i = quantities.indexOf(quantity);
        if (i < 0) {
            throw new IllegalArgumentException("quantity: '" + quantity + "' is not allowed; allowed: " + quantities);
        }
        return i;
    }

    /** Means over trials per cell: means[j][k]. */
    public double[][] means() {
        double[][] out = new double[ns.length][];
        for (int j = 0; j < ns.length; j++) {
            double[][] c = values.get(j);
            double[] m = new double[quantities.size()];
            for (double[] row : c) {
                for (int k = 0; k < m.length; k++) {
                    m[k] += row[k];
                }
            }
            for (int k = 0; k < m.length; k++) {
                m[k] /= c.length;
            }
            out[j] = m;
        }
        return out;
    }
}
