package org.advrisk.random;

import java.util.Locale;
import java.util.SplittableRandom;

/** A mean-0, variance-1 scalar distribution used for design coordinates and label noise. */
public enum Distribution {
    /** Standard normal. */
    GAUSSIAN,
    /** Uniform on {−1, +1}. */
    RADEMACHER;

    /** Draws one value. */
    public double draw(SplittableRandom r) {
        return this == GAUSSIAN ? r.nextGaussian() : (r.nextBoolean() ? 1.0 : -1.0);
    }

    /** Fills out[from, to). */
    public void fill(SplittableRandom r, double[] out, int from, int to) {
        if (this == GAUSSIAN) {
            RandomStreams.fillGaussian(r, out, from, to);
        } else {
            RandomStreams.fillRademacher(r, out, from, to);
        }
    }

    /** E|Z| for this distribution. */
    public double meanAbs() {
        return this == GAUSSIAN ? Math.sqrt(2.0 / Math.PI) : 1.0;
    }

    /** Parses "gaussian" or "rademacher" (case-insensitive; the declaration {@code Choices.DESIGN}/{@code NOISE} words a refusal). */
    public static Distribution parse(String field, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "gaussian", "normal" -> GAUSSIAN;
            case "rademacher" -> RADEMACHER;
            default -> valueOf(org.advrisk.param.Choices.DESIGN.parse(field, text).toUpperCase(Locale.ROOT));
        };
    }

    /** Lower-case name as used on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
