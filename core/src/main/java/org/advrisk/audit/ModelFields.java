package org.advrisk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.advrisk.param.UserText;

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
            throw new IllegalArgumentException("model: " + file + ": '" + field + "' must be an object column name -> number");
        }
        double[] out = new double[names.size()];
        for (int j = 0; j < names.size(); j++) {
            JsonNode v = node.get(names.get(j));
            if (v == null) {
                throw new IllegalArgumentException("model: " + file + ": '" + field + "' has no entry for '" + names.get(j) + "'");
            }
            out[j] = number(file, field + "." + names.get(j), v);
            if (positive && !(out[j] > 0)) {
                throw new IllegalArgumentException("model: " + file + ": '" + field + "." + names.get(j) + "' = " + out[j]
                        + " is not allowed; allowed: > 0");
            }
        }
        return out;
    }

    /** As {@link #byName}, but the field is required. */
    static double[] requiredByName(Path file, String field, JsonNode node, List<String> names, boolean positive) {
        double[] out = byName(file, field, node, names, positive);
        if (out == null) {
            throw new IllegalArgumentException("model: " + file + ": '" + field + "' must be an object column name -> number");
        }
        return out;
    }

    /** A finite number. */
    static double number(Path file, String field, JsonNode v) {
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException("model: " + file + ": '" + field + "' = " + UserText.quote(String.valueOf(v)) + " is not allowed; allowed: a finite number");
        }
        return v.asDouble();
    }

    /** A string field, or null when absent or null. */
    static String optionalText(Path file, String field, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("model: " + file + ": '" + field + "' = " + UserText.quote(v.toString())
                    + " is not allowed; allowed: a string");
        }
        return v.asText();
    }

    /** The seed of a random feature map: an integer (required when {@code required}, else 0 when absent). */
    static long seed(Path file, JsonNode v, boolean required) {
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("model: " + file + ": 'seed' is missing; the random feature map cannot"
                        + " be rebuilt without it; allowed: the integer the model was saved with");
            }
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("model: " + file + ": 'seed' = " + UserText.quote(v.toString())
                    + " is not allowed; allowed: an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
        }
        return v.asLong();
    }
}
