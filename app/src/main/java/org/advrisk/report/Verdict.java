package org.advrisk.report;

/**
 * One row of the verdict table, computed from the numbers by a stated rule.
 *
 * @param claim    the claim checked
 * @param setting  where (spectrum, p, θ*, …)
 * @param measured what was measured
 * @param numbers  the numbers the rule looked at
 * @param holds    whether the rule is met
 * @param rule     the rule, in words
 */
public record Verdict(String claim, String setting, String measured, String numbers, boolean holds, String rule) {
    /** HOLDS or DOES NOT HOLD. */
    public String word() {
        return holds ? "HOLDS" : "DOES NOT HOLD";
    }
}
