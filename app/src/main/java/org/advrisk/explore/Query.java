package org.advrisk.explore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The parameters of one API request, by name (the command line's flags without dashes). Unknown and
 * repeated parameters are refused; each value is read by the same parser the command line uses, and
 * a parser's {@link IllegalArgumentException} becomes a 400 naming the parameter, its value and what
 * it allows.
 */
final class Query {
    private final Map<String, String> given;
    private final Map<String, String> allowed;
    private final Map<String, String> used = new LinkedHashMap<>();

    private Query(Map<String, String> given, Map<String, String> allowed) {
        this.given = given;
        this.allowed = allowed;
    }

    /**
     * Reads the request's parameters; {@code allowed} maps every known name to what it allows
     * (in the order shown in messages).
     */
    static Query of(Map<String, List<String>> params, Map<String, String> allowed) {
        Map<String, String> given = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String name = e.getKey();
            if (!allowed.containsKey(name)) {
                throw new RefusedRequest(new ApiError(name, String.join(",", e.getValue()),
                        String.join(", ", allowed.keySet()),
                        name + ": unknown parameter; allowed: " + String.join(", ", allowed.keySet())));
            }
            if (e.getValue().size() != 1) {
                throw new RefusedRequest(new ApiError(name, String.join(",", e.getValue()), allowed.get(name),
                        name + ": given " + e.getValue().size() + " times; give it once"));
            }
            given.put(name, e.getValue().get(0));
        }
        return new Query(given, allowed);
    }

    /** The raw text of a parameter, or {@code def} when it is absent. */
    String text(String name, String def) {
        return given.getOrDefault(name, def);
    }

    /** True when the request gave the parameter. */
    boolean has(String name) {
        return given.containsKey(name);
    }

    /** Parses a parameter (or its default) with {@code parser}; its failure names the parameter. */
    <T> T get(String name, String def, Function<String, T> parser) {
        String v = text(name, def);
        used.put(name, v);
        if (v == null) {
            throw refuse(name, null, name + ": missing; required (" + allowed.get(name) + ")");
        }
        try {
            return parser.apply(v);
        } catch (IllegalArgumentException e) {
            throw refuse(name, v, withField(name, e.getMessage()));
        }
    }

    /** A refusal of parameter {@code name} with the given message. */
    RefusedRequest refuse(String name, String value, String message) {
        return new RefusedRequest(new ApiError(name, value, allowed.get(name), message));
    }

    /**
     * Maps a core exception raised while computing ("p: 5 is too small ...") to the parameter its
     * message names; messages naming no parameter are reported under {@code request}.
     */
    RefusedRequest refuse(IllegalArgumentException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int colon = m.indexOf(':');
        String field = colon > 0 ? m.substring(0, colon).trim() : "";
        int bracket = field.indexOf('[');
        if (bracket > 0) {
            field = field.substring(0, bracket);
        }
        if (allowed.containsKey(field)) {
            return refuse(field, used.containsKey(field) ? used.get(field) : text(field, null), m);
        }
        return new RefusedRequest(new ApiError("request", null, null, m));
    }

    private static String withField(String name, String message) {
        if (message == null) {
            return name + ": not allowed";
        }
        return message.startsWith(name + ":") ? message : name + ": " + message;
    }
}
