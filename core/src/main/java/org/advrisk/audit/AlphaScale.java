package org.advrisk.audit;

import java.util.Locale;

/** Units of the budget α: as given, or in units of the mean training ‖x‖_p (in the attack's units). */
public enum AlphaScale {
    RAW, MEAN_NORM;

    /** Parses {@code raw} or {@code mean-norm}. */
    public static AlphaScale parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "raw" -> RAW;
            case "mean-norm" -> MEAN_NORM;
            default -> throw new IllegalArgumentException("alpha-scale: '" + text + "' is not allowed; allowed: raw, mean-norm");
        };
    }

    /** The flag's spelling. */
    public String label() {
        return this == RAW ? "raw" : "mean-norm";
    }
}
