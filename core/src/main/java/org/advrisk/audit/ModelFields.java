package org.advrisk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/** Checked reads of a saved model file's fields (numbers, per-column maps), with messages naming file and field. */
final class ModelFields {
    private ModelFields() {
    }

    /**
     * A per-column object {@code {name: number}} in the order of {@code names} ({@code positive}: each > 0);
     * {@code null} when the field is absent or null.
     */
    static double[] byName(Path file, String field, JsonNode node, List<String> names, boolean positive) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("--model: " + file + ": '" + field + "' must be an object column name -> number");
        }
        double[] out = new double[names.size()];
        for (int j = 0; j < names.size(); j++) {
            JsonNode v = node.get(names.get(j));
            if (v == null) {
                throw new IllegalArgumentException("--model: " + file + ": '" + field + "' has no entry for '" + names.get(j) + "'");
            }
            out[j] = number(file, field + "." + names.get(j), v);
            if (positive && !(out[j] > 0)) {
                throw new IllegalArgumentException("--model: " + file + ": '" + field + "." + names.get(j) + "' = " + out[j]
                        + " is not allowed; allowed: > 0");
            }
        }
        return out;
    }

    /** As {@link #byName}, but the field is required. */
    static double[] requiredByName(Path file, String field, JsonNode node, List<String> names, boolean positive) {
        double[] out = byName(file, field, node, names, positive);
        if (out == null) {
            throw new IllegalArgumentException("--model: " + file + ": '" + field + "' must be an object column name -> number");
        }
        return out;
    }

    /** A finite number. */
    static double number(Path file, String field, JsonNode v) {
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException("--model: " + file + ": '" + field + "' = " + v + " is not allowed; allowed: a finite number");
        }
        return v.asDouble();
    }
}
