package org.advrisk.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a trial task sends back: its rows (ordered maps of Numbers and Strings, as
 * {@link org.advrisk.experiment.Runner#rowsOf} makes them), or the message of a bad-input error
 * (returned, not thrown, so Spark does not retry a trial that can only fail the same way).
 *
 * @param index the trial's index
 * @param key   the trial's key
 * @param rows  the rows, null on error
 * @param error the IllegalArgumentException's message, null on success
 */
record TrialResult(int index, String key, List<Map<String, Object>> rows, String error) implements Serializable {
}
