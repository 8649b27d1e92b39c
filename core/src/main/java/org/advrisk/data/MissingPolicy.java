package org.advrisk.data;

import java.util.Locale;

/** What to do with rows that have a missing cell in a used column. */
public enum MissingPolicy {
    /** Refuse the table, naming the first rows with a missing cell. */
    REFUSE,
    /** Drop those rows and count them. */
    DROP;

    /** Parses {@code refuse} or {@code drop}. */
    public static MissingPolicy parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "refuse", "error" -> REFUSE;
            case "drop" -> DROP;
            default -> throw new IllegalArgumentException("missing: '" + text + "' is not allowed; allowed: refuse, drop");
        };
    }
}
