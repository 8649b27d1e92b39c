package org.advrisk.report;

import java.util.List;
import org.advrisk.stats.Criterion;
import org.advrisk.stats.Decision;

/**
 * One row of the verdict table, computed from the numbers by a stated rule.
 *
 * @param claim    the claim checked
 * @param setting  where (spectrum, p, θ*, …)
 * @param measured what was measured
 * @param numbers  the numbers the rule looked at
 * @param decision HOLDS, DOES NOT HOLD or INCONCLUSIVE (an interval contains its threshold)
 * @param criteria the rule's conditions with their bootstrap intervals (empty for a rule without one)
 * @param rule     the rule, in words
 */
public record Verdict(String claim, String setting, String measured, String numbers, Decision decision,
                      List<Criterion> criteria, String rule) {
    /** A verdict without intervals (a rule on one training set). */
    public Verdict(String claim, String setting, String measured, String numbers, boolean holds, String rule) {
        this(claim, setting, measured, numbers, holds ? Decision.HOLDS : Decision.DOES_NOT_HOLD, List.of(), rule);
    }

    /** True when the decision is HOLDS. */
    public boolean holds() {
        return decision == Decision.HOLDS;
    }

    /** HOLDS, DOES NOT HOLD or INCONCLUSIVE. */
    public String word() {
        return decision.word();
    }

    /** The criteria as text, "A(n_max) = 2.79 [2.41, 3.2] > 1.5; …". */
    public String statistics() {
        return String.join("; ", criteria.stream().map(Criterion::text).toList());
    }
}
