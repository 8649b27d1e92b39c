package org.advrisk.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The numbers a verdict's rule looked at, as named values in reading order with the words between
 * them (e.g. "n " 50 " → " 800 ": R " 0.31 …). The values are data; the report makes the text (three
 * significant digits as {@link #fmt}, integers, signed percentages).
 *
 * @param parts words and values in reading order
 */
public record Numbers(List<Part> parts) {
    public Numbers {
        parts = List.copyOf(parts);
    }

    /** A piece of the numbers: words or a value. */
    public sealed interface Part permits Words, Value {
    }

    /**
     * Words between values.
     *
     * @param text the words
     */
    public record Words(String text) implements Part {
    }

    /** How a value is written. */
    public enum Kind {
        /** Three significant digits. */
        REAL,
        /** A whole number (a sample size, a width). */
        INTEGER,
        /** A relative error as a signed percentage. */
        PERCENT
    }

    /**
     * One value.
     *
     * @param name  what it is, e.g. "R(n_max)" or "rho(n, R)"
     * @param value the number
     * @param kind  how it is written
     */
    public record Value(String name, double value, Kind kind) implements Part {
    }

    /** The values, in reading order. */
    public List<Value> values() {
        return parts.stream().filter(p -> p instanceof Value).map(p -> (Value) p).toList();
    }

    /** The first value of that name. */
    public OptionalDouble value(String name) {
        return values().stream().filter(v -> v.name().equals(name)).mapToDouble(Value::value).findFirst();
    }

    /** Three significant digits, plain (10⁻³ ≤ |v| < 10⁵) or scientific; NaN, ∞, −∞ and 0 as words. */
    public static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        }
        return String.format(java.util.Locale.ROOT, "%.2e", v);
    }

    /** Starts numbers. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds numbers part by part. */
    public static final class Builder {
        private final List<Part> parts = new ArrayList<>();

        public Builder words(String text) {
            parts.add(new Words(text));
            return this;
        }

        public Builder real(String name, double v) {
            parts.add(new Value(name, v, Kind.REAL));
            return this;
        }

        public Builder integer(String name, double v) {
            parts.add(new Value(name, v, Kind.INTEGER));
            return this;
        }

        public Builder percent(String name, double v) {
            parts.add(new Value(name, v, Kind.PERCENT));
            return this;
        }

        public Builder append(Numbers other) {
            parts.addAll(other.parts());
            return this;
        }

        public Numbers build() {
            return new Numbers(parts);
        }
    }
}
