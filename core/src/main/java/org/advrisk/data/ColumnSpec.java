package org.advrisk.data;

import java.util.List;

/**
 * Which columns of a table are used: the target, the features (null = every other numeric column)
 * and columns to drop.
 *
 * @param target   name of the target column
 * @param features feature names in order, or null for all other numeric columns
 * @param drop     names to leave out (applies to the default feature list and is checked to exist)
 */
public record ColumnSpec(String target, List<String> features, List<String> drop) {
    public ColumnSpec {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("target: a target column name is required");
        }
        features = features == null ? null : List.copyOf(features);
        drop = drop == null ? List.of() : List.copyOf(drop);
    }
}
