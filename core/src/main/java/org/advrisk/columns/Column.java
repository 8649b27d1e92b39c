package org.advrisk.columns;

import java.util.Locale;

/**
 * One output column: the name rows, CSV headers and JSON keys use, what it means, its unit and the kind
 * of value it holds. Units: {@code y} is the response, {@code x} the input (the attack's norm), so a
 * risk is in y², a coefficient norm in y/x, a budget α in x and λ in x²; {@code 1} is a pure number.
 *
 * @param name    the column name (snake case; never renamed once released)
 * @param meaning what the value is, in one line
 * @param unit    its unit (see above), or count, index, label, flag, id
 * @param kind    the Java values it accepts
 */
public record Column(String name, String meaning, String unit, Kind kind) {
    /** The values a column accepts. */
    public enum Kind {
        /** An Integer or a Long. */
        INTEGER,
        /** A Double (NaN and ±∞ allowed: JSON writers turn them into null). */
        REAL,
        /** A String. */
        TEXT,
        /** A Boolean. */
        FLAG,
        /** A size: an Integer or Long, or the text "inf". */
        SIZE;

        /** True when v is a value of this kind. */
        public boolean accepts(Object v) {
            return switch (this) {
                case INTEGER -> v instanceof Integer || v instanceof Long;
                case REAL -> v instanceof Double;
                case TEXT -> v instanceof String;
                case FLAG -> v instanceof Boolean;
                case SIZE -> v instanceof Integer || v instanceof Long || "inf".equals(v);
            };
        }

        /** The kind in words, for messages and the column table. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Column {
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("column: '" + name + "' is not a column name (letters, digits, _)");
        }
    }

    /** Refuses a value this column cannot hold (a programming error, not bad input). */
    public Object check(Object v) {
        if (!kind.accepts(v)) {
            throw new IllegalStateException("column " + name + ": " + (v == null ? "null" : v.getClass().getSimpleName()
                    + " " + v) + " is not of kind " + kind.word());
        }
        return v;
    }

    @Override
    public String toString() {
        return name;
    }
}
