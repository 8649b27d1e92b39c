package org.advrisk.model;

import java.util.Locale;

/**
 * The norm of the attacker's budget ball ‖δ‖_p ≤ α and its dual exponent q (1/p + 1/q = 1), which
 * is the norm of θ the attack "sees": sup ⟨δ, θ⟩ = α‖θ‖_q.
 *
 * @param label the command-line name: l2, linf, l1 or lp:P
 * @param p     the attack exponent in [1, ∞]
 * @param q     the dual exponent
 */
public record AttackNorm(String label, double p, double q) {
    /** Allowed values, for messages. */
    public static final String ALLOWED = "l2, linf, l1, lp:P with P in (1, inf)";

    public static final AttackNorm L2 = new AttackNorm("l2", 2, 2);
    public static final AttackNorm LINF = new AttackNorm("linf", Double.POSITIVE_INFINITY, 1);
    public static final AttackNorm L1 = new AttackNorm("l1", 1, Double.POSITIVE_INFINITY);

    public AttackNorm {
        if (!(p >= 1) || !(q >= 1) || Math.abs(1 / p + 1 / q - 1) > 1e-12) {
            throw new IllegalArgumentException("attack: exponents p=" + p + ", q=" + q + " are not dual");
        }
    }

    /** The norm with exponent p. */
    public static AttackNorm ofExponent(double p) {
        if (p == 2) {
            return L2;
        }
        if (p == 1) {
            return L1;
        }
        if (Double.isInfinite(p) && p > 0) {
            return LINF;
        }
        if (!(p > 1) || Double.isNaN(p)) {
            throw new IllegalArgumentException("attack: lp exponent " + p + " must be in (1, inf)");
        }
        return new AttackNorm("lp:" + trim(p), p, Norms.dual(p));
    }

    /** Parses l2, linf, l1 or lp:P. */
    public static AttackNorm parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "l2":
                return L2;
            case "linf":
                return LINF;
            case "l1":
                return L1;
            default:
                if (t.startsWith("lp:")) {
                    double p;
                    try {
                        p = Double.parseDouble(t.substring(3));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("attack: '" + text + "' has no number after lp:; allowed: "
                                + ALLOWED);
                    }
                    if (!(p > 1) || Double.isNaN(p)) {
                        throw new IllegalArgumentException("attack: lp exponent " + t.substring(3)
                                + " must be in (1, inf); allowed: " + ALLOWED);
                    }
                    return ofExponent(p);
                }
                throw new IllegalArgumentException("attack: unknown attack '" + text + "'; allowed: " + ALLOWED);
        }
    }

    /** True for the l2 attack (the only one whose dual norm the path gives without rebuilding θ̂). */
    public boolean isL2() {
        return p == 2;
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
