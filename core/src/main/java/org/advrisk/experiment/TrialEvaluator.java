package org.advrisk.experiment;

import java.util.List;
import org.advrisk.columns.Row;

/**
 * Computes the result rows of one {@link Trial} (one family implements it). Rows are built by column
 * ({@link Row}, types in {@link org.advrisk.columns.RowTypes}); they must depend only on the trial,
 * never on the thread or the clock, and come in a deterministic order. The runner prepends the point's
 * parameter columns.
 */
public interface TrialEvaluator {
    /** Rows of one trial. Throws IllegalArgumentException for a problem of the input. */
    List<Row> evaluate(Trial trial);

    /** The evaluator for a spec's family. */
    static TrialEvaluator forSpec(Spec spec) {
        return switch (spec.family()) {
            case LINEAR -> new LinearTrialEvaluator(spec);
            case NTK -> new NtkTrialEvaluator(spec);
        };
    }
}
