package org.advrisk.spark;

import java.io.Serializable;

/**
 * What the driver ships for one trial: its position in the sweep's stable order and its key (the
 * executor expands the same spec and checks that the trial at {@code index} has this key).
 *
 * @param index the trial's index in {@link org.advrisk.experiment.Sweep#trials}
 * @param key   the trial's key
 */
record TrialTask(int index, String key) implements Serializable {
}
