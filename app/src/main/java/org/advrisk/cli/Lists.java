package org.advrisk.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses comma-separated numeric lists for flags such as --lambda and --alpha, including the
 * {@code logspace:LO,HI,COUNT} form (COUNT values 10^LO … 10^HI, numpy's convention), which may be
 * mixed with plain values: {@code 0,logspace:-6,1,20}.
 */
public final class Lists {
    private Lists() {
    }

    /** Parses the list for the named flag; every value must be finite and ≥ 0. */
    public static double[] nonNegative(String flag, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(flag + ": empty list; give values like 0,0.1 or logspace:-6,1,20");
        }
        String[] parts = text.split(",");
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String t = parts[i].trim();
            if (t.startsWith("logspace:")) {
                if (i + 2 >= parts.length) {
                    throw new IllegalArgumentException(flag + ": '" + text + "': logspace needs LO,HI,COUNT"
                            + " (exponents of 10 and a count), e.g. logspace:-6,1,20");
                }
                double lo = number(flag, t.substring("logspace:".length()), text);
                double hi = number(flag, parts[i + 1].trim(), text);
                double countD = number(flag, parts[i + 2].trim(), text);
                int count = (int) countD;
                if (count != countD || count < 1 || count > 100_000) {
                    throw new IllegalArgumentException(flag + ": logspace count " + parts[i + 2].trim()
                            + " must be an integer between 1 and 100000");
                }
                for (int k = 0; k < count; k++) {
                    double e = count == 1 ? lo : lo + (hi - lo) * k / (count - 1);
                    out.add(Math.pow(10, e));
                }
                i += 2;
            } else {
                double v = number(flag, t, text);
                if (v < 0) {
                    throw new IllegalArgumentException(flag + ": " + t + " must be >= 0");
                }
                out.add(v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double number(String flag, String t, String whole) {
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": '" + t + "' in '" + whole + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(flag + ": '" + t + "' must be a finite number");
        }
        return v;
    }

    /** Parses --attack: a comma-separated list of l2, linf, l1, lp:P. */
    public static java.util.List<org.advrisk.linear.AttackNorm> attacks(String text) {
        java.util.List<org.advrisk.linear.AttackNorm> out = new ArrayList<>();
        for (String a : words("attack", text)) {
            out.add(org.advrisk.linear.AttackNorm.parse(a));
        }
        return out;
    }

    /** Parses --target: a comma-separated list of clean, consistent, noisy. */
    public static java.util.List<org.advrisk.linear.Target> targets(String text) {
        java.util.List<org.advrisk.linear.Target> out = new ArrayList<>();
        for (String t : words("target", text)) {
            out.add(org.advrisk.linear.Target.parse(t));
        }
        return out;
    }

    /** Splits a comma-separated list of words (attacks, targets). */
    public static List<String> words(String flag, String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(flag + ": empty list");
        }
        return out;
    }
}
