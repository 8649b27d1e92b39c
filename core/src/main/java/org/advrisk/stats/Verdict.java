package org.advrisk.stats;

import java.util.List;

/**
 * One row of the verdict table as values, computed from the numbers by a stated rule: per condition
 * the statistic with its interval, threshold and direction ({@link Criterion}), the decision, the
 * numbers the rule looked at and the rule. The report turns it into text for the terminal and its page;
 * the synthetic claims (the report) and the real-data claims ({@code audit.RealDataClaims}) make it.
 *
 * @param claim    the claim checked
 * @param setting  where (spectrum, p, θ*, …)
 * @param measured what was measured
 * @param numbers  the numbers the rule looked at
 * @param decision HOLDS, DOES NOT HOLD or INCONCLUSIVE (an interval contains its threshold)
 * @param criteria the rule's conditions with their bootstrap intervals (empty for a rule without one)
 * @param rule     the rule, in words
 */
public record Verdict(String claim, String setting, String measured, Numbers numbers, Decision decision,
                      List<Criterion> criteria, String rule) {
    public Verdict {
        criteria = List.copyOf(criteria);
    }

    /** A verdict without intervals (a rule on one training set). */
    public Verdict(String claim, String setting, String measured, Numbers numbers, boolean holds, String rule) {
        this(claim, setting, measured, numbers, holds ? Decision.HOLDS : Decision.DOES_NOT_HOLD, List.of(), rule);
    }

    /** True when the decision is HOLDS. */
    public boolean holds() {
        return decision == Decision.HOLDS;
    }
}
