package org.advrisk.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.advrisk.experiment.SizeRule;
import org.advrisk.theory.DimensionRule;
import org.junit.jupiter.api.Test;

/** The one p(n) grammar: every form, the same p from the spec's and the CLI's readers, one refusal wording. */
class SizeExprTest {
    private static final String[] FORMS = {"2000", "n", "2n", "4*n", "n^2", "n**2", "n^1.5", "0.5*n^1.5", "0.5n^1.5",
        "10*N", " 3 * n "};

    @Test
    void everyFormIsRoundOfCTimesNToTheE() {
        assertThat(SizeExpr.parse("p", "2000").at(7)).isEqualTo(2000);
        assertThat(SizeExpr.parse("p", "2n").at(400)).isEqualTo(800);
        assertThat(SizeExpr.parse("p", "n**2").at(300)).isEqualTo(90_000);
        // 0.5 · 100^1.5 = 500 exactly; 0.5 · 21 = 10.5 rounds half up to 11
        assertThat(SizeExpr.parse("p", "0.5*n^1.5").at(100)).isEqualTo(500);
        assertThat(SizeExpr.parse("p", "0.5*n").at(21)).isEqualTo(11);
        assertThat(SizeExpr.parse("p", "0.5*n^1.5").text()).isEqualTo("0.5*n^1.5");
        assertThat(SizeExpr.parse("p", "INF").isInfinite()).isTrue();
    }

    @Test
    void specAndCliReadersGiveTheSamePForEveryForm() {
        for (String f : FORMS) {
            for (int n : new int[] {1, 21, 100, 1001}) {
                assertThat(DimensionRule.parse(f).at(n)).as("%s at n=%d", f, n).isEqualTo(SizeRule.parse("p", f).at(n));
            }
        }
        assertThat(DimensionRule.parse("inf").isInfinite()).isTrue();
        assertThatThrownBy(() -> SizeRule.parse("p", "inf")).hasMessage(SizeExpr.FINITE_ONLY);
    }

    @Test
    void badFormsGetOneWordingAtEveryReader() {
        for (String bad : new String[] {"n^x", "xn", "n^-1", "2m", "-3", "n^^2"}) {
            String expected = "p: '" + bad + "' is not allowed; allowed: " + SizeExpr.ALLOWED;
            assertThatThrownBy(() -> SizeExpr.parse("p", bad)).hasMessage(expected);
            assertThatThrownBy(() -> DimensionRule.parse(bad)).hasMessage(expected);
            assertThatThrownBy(() -> SizeRule.parse("p", bad)).hasMessage(expected);
        }
        assertThatThrownBy(() -> SizeExpr.parse("p", "0")).hasMessage("p: 0 is not a positive integer; allowed: "
                + SizeExpr.ALLOWED);
        assertThatThrownBy(() -> SizeExpr.parse("p", "1.5")).hasMessageStartingWith("p: 1.5 is not a positive integer");
        assertThatThrownBy(() -> SizeExpr.parse("p", "0*n")).hasMessageContaining("has factor 0");
        // both edges of the integer range
        assertThat(SizeExpr.parse("p", "1").at(5)).isEqualTo(1);
        assertThat(SizeExpr.parse("p", Long.toString(Parameters.P.max())).coef()).isEqualTo(9e15);
        assertThatThrownBy(() -> SizeExpr.parse("p", "9000000000000001")).hasMessageContaining("is not a positive integer");
    }
}
