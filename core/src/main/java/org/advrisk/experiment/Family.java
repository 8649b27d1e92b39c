package org.advrisk.experiment;

import java.util.Locale;

/** The model family a spec describes. */
public enum Family {
    /** Linear regression: min-norm and ridge on a Gaussian (or Rademacher) design. */
    LINEAR,
    /** Two-layer ReLU network in the lazy (NTK) regime. */
    NTK;

    /** Allowed values, for messages. */
    public static final String ALLOWED = org.advrisk.param.Choices.FAMILY.allowed();

    /** Parses linear or ntk. */
    public static Family parse(String path, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "linear" -> LINEAR;
            case "ntk" -> NTK;
            default -> throw new IllegalArgumentException(path + ": '" + text + "' is not allowed; allowed: " + ALLOWED);
        };
    }

    /** Lower-case name as written in spec files and outputs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
