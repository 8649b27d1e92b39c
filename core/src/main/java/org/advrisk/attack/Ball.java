package org.advrisk.attack;

import java.util.Locale;

/** The perturbation sets PGD searches: the l2 ball and the linf ball of radius α. */
public enum Ball {
    L2, LINF;

    /** Allowed values, for messages. */
    public static final String ALLOWED = "l2, linf";

    /** The exponent q of the dual norm (the norm of ∇f the attack sees to first order). */
    public double dualExponent() {
        return this == L2 ? 2 : 1;
    }

    /** Parses l2 or linf. */
    public static Ball parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "l2" -> L2;
            case "linf" -> LINF;
            default -> throw new IllegalArgumentException("attack: unknown attack '" + text + "' for PGD; allowed: "
                    + ALLOWED);
        };
    }

    /** Lower-case label used on the command line and in outputs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
