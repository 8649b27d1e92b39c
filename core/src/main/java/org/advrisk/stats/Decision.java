package org.advrisk.stats;

import java.util.Collection;

/** The outcome of a rule checked against an interval: clear either way, or not decided by the data. */
public enum Decision {
    /** The whole interval is on the rule's side of the threshold. */
    HOLDS("HOLDS"),
    /** The whole interval is on the other side. */
    DOES_NOT_HOLD("DOES NOT HOLD"),
    /** The interval contains the threshold (or could not be formed). */
    INCONCLUSIVE("INCONCLUSIVE");

    private final String word;

    Decision(String word) {
        this.word = word;
    }

    /** The word printed in reports. */
    public String word() {
        return word;
    }

    /** The opposite decision (HOLDS ↔ DOES NOT HOLD; INCONCLUSIVE stays). */
    public Decision negate() {
        return switch (this) {
            case HOLDS -> DOES_NOT_HOLD;
            case DOES_NOT_HOLD -> HOLDS;
            case INCONCLUSIVE -> INCONCLUSIVE;
        };
    }

    /**
     * A conjunction of conditions: DOES NOT HOLD if any one clearly fails, HOLDS if all clearly
     * hold, INCONCLUSIVE otherwise.
     */
    public static Decision all(Collection<Decision> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("parts: no conditions to combine; allowed: at least one");
        }
        boolean open = false;
        for (Decision d : parts) {
            if (d == DOES_NOT_HOLD) {
                return DOES_NOT_HOLD;
            }
            open |= d == INCONCLUSIVE;
        }
        return open ? INCONCLUSIVE : HOLDS;
    }

    /**
     * A disjunction: HOLDS if any one clearly holds, DOES NOT HOLD if all clearly fail,
     * INCONCLUSIVE otherwise.
     */
    public static Decision any(Collection<Decision> parts) {
        return all(parts.stream().map(Decision::negate).toList()).negate();
    }
}
