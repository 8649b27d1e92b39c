package org.advrisk.report;

import java.util.List;
import org.advrisk.stats.Verdict;

/**
 * What a report part puts on the report's first screen: which of its figures is the headline and one
 * sentence with the key numbers and their 95% intervals. A part without its own summary gets
 * {@link PartSummaries#GENERIC} (its first figure and its verdicts' first conditions), so a new part
 * shows up on the first screen without any change here; one with a better sentence registers it in
 * {@link PartSummaries}.
 */
public interface PartSummary {
    /** The headline figure among the part's plots (in report order); null: the part has none. */
    default Plots.Plot figure(List<Plots.Plot> plots) {
        return plots.isEmpty() ? null : plots.get(0);
    }

    /**
     * One sentence (or two short ones) with the key numbers and their intervals.
     *
     * @param verdicts the part's verdicts (may be empty)
     * @param data     the part's run data (null for a part without a run directory)
     */
    String sentence(List<Verdict> verdicts, RunData data);

    /** The first plot whose id contains one of the stems, tried in order; else the first plot (null: none). */
    static Plots.Plot byStem(List<Plots.Plot> plots, String... stems) {
        for (String stem : stems) {
            for (Plots.Plot p : plots) {
                if (p.id().contains(stem)) {
                    return p;
                }
            }
        }
        return plots.isEmpty() ? null : plots.get(0);
    }
}
