package org.advrisk.data;

import java.util.List;

/** Numeric rows (features x and target y) that can be visited in order any number of times. */
public interface Rows {
    /** Receives one row; the array x is reused between calls. */
    @FunctionalInterface
    interface Visitor {
        void row(int index, double[] x, double y);
    }

    /** Feature names, in column order of x. */
    List<String> featureNames();

    /** The target's name. */
    String targetName();

    /** The number of features p. */
    default int p() {
        return featureNames().size();
    }

    /** Visits every usable row in file order; index counts usable rows from 0. */
    void forEach(Visitor v);
}
