package org.advrisk.experiment;

import java.util.List;
import java.util.Map;

/**
 * Computes the result rows of one {@link Trial} (one family implements it). Rows are ordered maps
 * column → value (Number or String); they must depend only on the trial, never on the thread or
 * the clock, and come in a deterministic order. The runner prepends the point's parameter columns.
 */
public interface TrialEvaluator {
    /** Rows of one trial. Throws IllegalArgumentException for a problem of the input. */
    List<Map<String, Object>> evaluate(Trial trial);

    /** The evaluator for a spec's family. */
    static TrialEvaluator forSpec(Spec spec) {
        return switch (spec.family()) {
            case LINEAR -> new LinearTrialEvaluator(spec);
            case NTK -> throw new IllegalArgumentException("family: 'ntk' has no evaluator in this build yet; allowed: linear");
        };
    }
}
