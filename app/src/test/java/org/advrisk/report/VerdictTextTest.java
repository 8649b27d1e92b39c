package org.advrisk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.advrisk.stats.Criterion;
import org.advrisk.stats.Decision;
import org.advrisk.stats.Interval;
import org.advrisk.stats.Numbers;
import org.advrisk.stats.Verdict;
import org.junit.jupiter.api.Test;

/** The text of verdicts is made from their values: conditions, numbers, the terminal line. */
class VerdictTextTest {
    @Test
    void aConditionSaysItsEstimateIntervalAndThresholdTheWayItWasDecided() {
        Criterion open = new Criterion("A", new Interval(1.52, 1.38, 1.66, 0.95), true, 1.5);
        assertThat(open.decision()).isEqualTo(Decision.INCONCLUSIVE);
        assertThat(VerdictText.criterion(open)).isEqualTo("A = 1.52 [1.38, 1.66] ∋ 1.5, needs > 1.5")
                .contains("∋ 1.5").contains("needs > 1.5");
        Interval a = new Interval(2.61, 2.354, 2.87, 0.95);
        Criterion holds = new Criterion("A", a, true, 1.5);
        assertThat(VerdictText.criterion(holds)).matches("A = 2\\.\\d+ \\[2\\.\\d+, 2\\.\\d+\\] > 1\\.5")
                .isEqualTo("A = 2.61 [2.35, 2.87] > 1.5");
        assertThat(VerdictText.criterion(new Criterion("A", a, true, 4))).contains("< 4, needs > 4");
        assertThat(VerdictText.criterion(new Criterion("A", a, false, 4))).isEqualTo("A = 2.61 [2.35, 2.87] < 4");
        Criterion undefined = new Criterion("b", new Interval(0.5, Double.NaN, Double.NaN, 0.95), true, 0);
        assertThat(VerdictText.criterion(undefined)).contains("interval undefined")
                .isEqualTo("b = 0.5 [interval undefined], needs > 0");
    }

    @Test
    void numbersAreValuesWrittenByKind() {
        Numbers num = Numbers.builder().words("n ").integer("n_min", 50).words(" → ").integer("n_max", 800)
                .words(": R ").real("R", 0.012345).words(", error ").percent("error", -0.0312).build();
        assertThat(VerdictText.numbers(num)).isEqualTo("n 50 → 800: R 0.0123, error -3.1%");
        assertThat(num.value("R")).hasValue(0.012345);
        assertThat(num.values()).extracting(Numbers.Value::name).containsExactly("n_min", "n_max", "R", "error");
        Verdict v = new Verdict("claim", "setting", "measured", num, Decision.HOLDS,
                List.of(new Criterion("A", new Interval(2.61, 2.354, 2.87, 0.95), true, 1.5)), "rule");
        assertThat(VerdictText.terminal(v)).isEqualTo("HOLDS  claim  [setting]" + System.lineSeparator()
                + "    A = 2.61 [2.35, 2.87] > 1.5");
        assertThat(VerdictText.statisticsCell(new Verdict("c", "s", "m", num, false, "r")))
                .isEqualTo("one training set: no interval");
        assertThat(VerdictText.cssClass(v)).isEqualTo("holds");
    }
}
