package org.advrisk.data;

import java.util.List;

/**
 * Rows held in memory (row-major n×p features and the target), for small tables that are visited
 * many times (cross-validation, repeated splits) and for tests.
 */
public final class MemoryTable implements Rows {
    private final List<String> features;
    private final String target;
    private final int n;
    private final double[] x;
    private final double[] y;

    /** Wraps row-major x (n×p) and y (n); the arrays are not copied. */
    public MemoryTable(List<String> features, String target, double[] x, double[] y) {
        this.features = List.copyOf(features);
        this.target = target;
        this.n = y.length;
        if (x.length != (long) n * features.size()) {
            throw new IllegalArgumentException("table: x has " + x.length + " values, expected n*p = " + n + "*" + features.size());
        }
        this.x = x;
        this.y = y;
    }

    /** Loads every row of a source when n·p is at most {@code maxCells}; returns null (nothing held) otherwise. */
    public static MemoryTable load(Rows source, long rows, long maxCells) {
        int p = source.p();
        if (rows * p > maxCells) {
            return null;
        }
        int n = (int) rows;
        double[] x = new double[n * p];
        double[] y = new double[n];
        source.forEach((i, row, t) -> {
            System.arraycopy(row, 0, x, i * p, p);
            y[i] = t;
        });
        return new MemoryTable(source.featureNames(), source.targetName(), x, y);
    }

    /** Number of rows. */
    public int n() {
        return n;
    }

    /** Feature j of row i. */
    public double x(int i, int j) {
        return x[i * features.size() + j];
    }

    /** Target of row i. */
    public double y(int i) {
        return y[i];
    }

    @Override
    public List<String> featureNames() {
        return features;
    }

    @Override
    public String targetName() {
        return target;
    }

    @Override
    public void forEach(Visitor v) {
        int p = features.size();
        double[] row = new double[p];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * p, row, 0, p);
            v.row(i, row, y[i]);
        }
    }
}
