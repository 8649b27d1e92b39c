package org.advrisk.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** p as a function of n: every accepted form and the rejection message. */
class DimensionRuleTest {
    @Test
    void formsEvaluateAsWritten() {
        assertThat(DimensionRule.parse("10000").at(7)).isEqualTo(10000);
        assertThat(DimensionRule.parse("2n").at(400)).isEqualTo(800);
        assertThat(DimensionRule.parse("4*n").at(400)).isEqualTo(1600);
        assertThat(DimensionRule.parse("n").at(33)).isEqualTo(33);
        assertThat(DimensionRule.parse("n^2").at(25600)).isEqualTo(655_360_000L);
        assertThat(DimensionRule.parse("n^1.5").at(100)).isEqualTo(1000);
        assertThat(DimensionRule.parse("inf").isInfinite()).isTrue();
    }

    @Test
    void badFormsNameTheFieldAndTheAllowedValues() {
        for (String bad : new String[] {"", "0", "-3", "1.5", "n^x", "xn", "n^-1", "2m"}) {
            assertThatThrownBy(() -> DimensionRule.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("p: ").hasMessageContaining("allowed");
        }
    }
}
