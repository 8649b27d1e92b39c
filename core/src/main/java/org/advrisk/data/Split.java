package org.advrisk.data;

/**
 * One train/test split of the rows of a table (or a training table and a separate test table).
 *
 * @param label  how outputs name it: "test-file", "split-1" … or "fold-1" …
 * @param index  0-based index among the splits of a run
 * @param isTest per row of the training source: true when the row belongs to the test part; null
 *               when the test rows come from a separate table (all training rows are used)
 * @param nTrain training rows
 * @param nTest  test rows
 */
public record Split(String label, int index, boolean[] isTest, int nTrain, int nTest) {
    public Split {
        if (nTrain < 2) {
            throw new IllegalArgumentException("split " + label + ": n_train = " + nTrain + " but at least 2 training rows are needed");
        }
        if (nTest < 0) {
            throw new IllegalArgumentException("split " + label + ": nTest = " + nTest + " must be >= 0");
        }
    }

    /** Whether the row of the training source with this index is a training row. */
    public boolean train(int row) {
        return isTest == null || !isTest[row];
    }
}
