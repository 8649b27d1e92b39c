package org.advrisk.cli;

import java.util.ArrayList;
import java.util.List;
import org.advrisk.param.NumberParam;

/**
 * Parses comma-separated numeric lists for flags such as --lambda and --alpha, including the
 * {@code logspace:LO,HI,COUNT} form (COUNT values 10^LO … 10^HI, numpy's convention), which may be
 * mixed with plain values: {@code 0,logspace:-6,1,20}.
 */
public final class Lists {
    private Lists() {
    }

    /** Parses the list for the named flag; every value must be finite and ≥ 0 (see {@link NumberParam#parseList}). */
    public static double[] nonNegative(String flag, String text) {
        return new NumberParam(flag, 0, Double.POSITIVE_INFINITY, "", flag).parseList(text);
    }

    /** Parses --attack: a comma-separated list of l2, linf, l1, lp:P. */
    public static java.util.List<org.advrisk.model.AttackNorm> attacks(String text) {
        java.util.List<org.advrisk.model.AttackNorm> out = new ArrayList<>();
        for (String a : words("attack", text)) {
            out.add(org.advrisk.model.AttackNorm.parse(a));
        }
        return out;
    }

    /** Parses --target: a comma-separated list of clean, consistent, noisy. */
    public static java.util.List<org.advrisk.model.Target> targets(String text) {
        java.util.List<org.advrisk.model.Target> out = new ArrayList<>();
        for (String t : words("target", text)) {
            out.add(org.advrisk.model.Target.parse(t));
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
