package org.advrisk.report;

import java.util.Locale;
import org.advrisk.stats.Criterion;
import org.advrisk.stats.Decision;
import org.advrisk.stats.Numbers;
import org.advrisk.stats.Verdict;

/** The text of verdicts, made from their values at the edge: the terminal's lines and the report's cells. */
public final class VerdictText {
    private VerdictText() {
    }

    /** HOLDS, DOES NOT HOLD or INCONCLUSIVE. */
    public static String word(Verdict v) {
        return v.decision().word();
    }

    /**
     * One condition: "A = 2.79 [2.41, 3.2] &gt; 1.5" when it holds, "… &lt; 1.5, needs &gt; 1.5" when it
     * clearly fails, "A = 1.51 [1.38, 1.66] ∋ 1.5, needs &gt; 1.5" when inconclusive; three significant digits.
     */
    public static String criterion(Criterion c) {
        Decision d = c.decision();
        String need = (c.above() ? "> " : "< ") + RunData.fmt(c.threshold());
        String iv = c.interval().defined() ? " [" + RunData.fmt(c.interval().lo()) + ", "
                + RunData.fmt(c.interval().hi()) + "]" : " [interval undefined]";
        String head = c.name() + " = " + RunData.fmt(c.interval().estimate()) + iv;
        return switch (d) {
            case HOLDS -> head + " " + need;
            case DOES_NOT_HOLD -> head + " " + (c.above() ? "< " : "> ") + RunData.fmt(c.threshold()) + ", needs " + need;
            case INCONCLUSIVE -> head + (c.interval().defined() ? " ∋ " + RunData.fmt(c.threshold()) : "") + ", needs "
                    + need;
        };
    }

    /** The conditions, "A(n_max) = 2.79 [2.41, 3.2] &gt; 1.5; …". */
    public static String statistics(Verdict v) {
        return String.join("; ", v.criteria().stream().map(VerdictText::criterion).toList());
    }

    /** The numbers the rule looked at, in words. */
    public static String numbers(Verdict v) {
        return numbers(v.numbers());
    }

    /** Numbers in words: values with three significant digits, integers, signed percentages. */
    public static String numbers(Numbers numbers) {
        StringBuilder b = new StringBuilder();
        for (Numbers.Part p : numbers.parts()) {
            if (p instanceof Numbers.Words w) {
                b.append(w.text());
            } else if (p instanceof Numbers.Value x) {
                b.append(switch (x.kind()) {
                    case REAL -> RunData.fmt(x.value());
                    case INTEGER -> Integer.toString((int) x.value());
                    case PERCENT -> String.format(Locale.ROOT, "%+.1f%%", 100 * x.value());
                });
            }
        }
        return b.toString();
    }

    /** The report's statistics cell: the conditions, or why there is no interval. */
    static String statisticsCell(Verdict v) {
        return v.criteria().isEmpty() ? "one training set: no interval" : statistics(v);
    }

    /** The report's CSS class of the verdict cell. */
    static String cssClass(Verdict v) {
        return v.holds() ? "holds" : v.decision() == Decision.INCONCLUSIVE ? "open" : "fails";
    }

    /** The terminal's lines of one verdict (reproduce): the word, the claim and setting, then the conditions. */
    public static String terminal(Verdict v) {
        return word(v) + "  " + v.claim() + "  [" + v.setting() + "]"
                + (v.criteria().isEmpty() ? "" : System.lineSeparator() + "    " + statistics(v));
    }
}
