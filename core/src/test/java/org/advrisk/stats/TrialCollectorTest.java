package org.advrisk.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrialCollectorTest {
    @Test
    void keepsOnlyCompleteFiniteTrialsInOrderOfNAndTrial() {
        TrialCollector c = new TrialCollector(2);
        c.put(400, 1, 0, 3);
        c.put(400, 1, 1, 4);
        c.put(100, 2, 1, 6); // filled out of order
        c.put(100, 2, 0, 5);
        c.put(100, 0, 0, 1);
        c.put(100, 0, 1, 2);
        c.put(100, 1, 0, 9); // slot 1 missing: dropped
        c.put(200, 0, 0, 1);
        c.put(200, 0, 1, Double.NaN); // not finite: dropped, and n = 200 has no complete trial
        assertThat(c.isEmpty()).isFalse();
        TrialCells cells = c.cells(List.of("a", "b"));
        assertThat(cells.ns()).containsExactly(100, 400);
        assertThat(cells.values().get(0)).isDeepEqualTo(new double[][] {{1, 2}, {5, 6}});
        assertThat(cells.values().get(1)).isDeepEqualTo(new double[][] {{3, 4}});
    }

    @Test
    void withoutACompleteTrialItIsEmptyAndGivesNoCells() {
        TrialCollector c = new TrialCollector(3);
        c.put(100, 0, 0, 1);
        assertThat(c.isEmpty()).isTrue();
        assertThatThrownBy(() -> c.cells(List.of("a", "b", "c"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cells: 0 sample sizes");
    }
}
