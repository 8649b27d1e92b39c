package org.advrisk.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parser for "kind:key=value,key=value" arguments (spectra, ground truths). Package-private helper.
 */
final class Params {
    final String field;
    final String kind;
    final String rest;
    private final Map<String, String> values = new LinkedHashMap<>();

    private Params(String field, String kind, String rest) {
        this.field = field;
        this.kind = kind;
        this.rest = rest;
    }

    /** Splits "kind:rest"; when keyValues is true, rest is parsed as key=value pairs. */
    static Params parse(String field, String text, boolean keyValues) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + ": empty value");
        }
        String t = text.trim();
        int colon = t.indexOf(':');
        String kind = (colon < 0 ? t : t.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? "" : t.substring(colon + 1).trim();
        Params p = new Params(field, kind, rest);
        if (keyValues && !rest.isEmpty()) {
            for (String part : rest.split(",")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(field + ": '" + part.trim() + "' in '" + text
                            + "' is not key=value");
                }
                p.values.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim());
            }
        }
        return p;
    }

    void allow(Set<String> keys) {
        for (String k : values.keySet()) {
            if (!keys.contains(k)) {
                throw new IllegalArgumentException(field + ": unknown parameter '" + k + "' for '" + kind
                        + "'; allowed: " + String.join(", ", keys));
            }
        }
    }

    double number(String key, Double fallback) {
        String v = values.get(key);
        if (v == null) {
            if (fallback == null) {
                throw new IllegalArgumentException(field + ": '" + kind + "' needs parameter " + key + "=...");
            }
            return fallback;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": " + key + "=" + v + " is not a number");
        }
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(field + ": " + key + "=" + v + " must be finite");
        }
        return d;
    }

    long integer(String key, Long fallback) {
        String v = values.get(key);
        if (v == null) {
            if (fallback == null) {
                throw new IllegalArgumentException(field + ": '" + kind + "' needs parameter " + key + "=...");
            }
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": " + key + "=" + v + " is not an integer");
        }
    }
}
