package org.advrisk.experiment;

/**
 * One unit of work: a grid point, a trial index and the seed. Trial t of every grid point draws
 * from the random streams keyed by (seed, t), so any row can be recomputed alone (for example with
 * {@code advrisk linear --seed S --trials t+1}).
 *
 * @param index position in the sweep's stable order (used to sort outputs)
 * @param point the grid point
 * @param trial the trial index, 0-based
 * @param seed  the master seed
 */
public record Trial(int index, Point point, int trial, long seed) {
    public Trial {
        if (index < 0 || trial < 0) {
            throw new IllegalArgumentException("trial: index " + index + " and trial " + trial + " must be >= 0");
        }
    }

    /** Stable key: the point's key and the trial index. */
    public String key() {
        return point.key() + "|trial=" + trial;
    }
}
