package org.advrisk.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The one list grammar: items, the three grids, and its refusals. */
class ListsTest {
    @Test
    void itemsKeepAGridWithItsThreeNumbers() {
        assertThat(Lists.items("lambda", " 0, logspace:-6,1,20 ,0.5,linspace:0,1,3"))
                .containsExactly("0", "logspace:-6,1,20", "0.5", "linspace:0,1,3");
        assertThat(Lists.items("x", "geomspace:1,8,4")).containsExactly("geomspace:1,8,4");
    }

    @Test
    void gridsAreTheirDefinitions() {
        // linspace: A + k(B − A)/(COUNT − 1); these are exact in binary
        assertThat(Lists.numbers("x", "linspace:0,1,5", "any")).containsExactly(0, 0.25, 0.5, 0.75, 1);
        // logspace with integer ends: exactly the powers of ten at the ends, 10^-1.5 in between
        double[] log = Lists.numbers("x", "logspace:-2,-1,3", "any");
        assertThat(log[0]).isEqualTo(0.01);
        assertThat(log[2]).isEqualTo(0.1);
        assertThat(log[1]).isCloseTo(Math.sqrt(0.01 * 0.1), within(1e-17));
        // geomspace: constant ratio 2 from 1 to 8, ends exact
        double[] geo = Lists.numbers("x", "geomspace:1,8,4", "any");
        assertThat(geo[0]).isEqualTo(1);
        assertThat(geo[3]).isEqualTo(8);
        assertThat(geo[1]).isCloseTo(2, within(1e-14));
        assertThat(geo[2]).isCloseTo(4, within(1e-14));
        // a grid of one value is its first end (numpy's convention)
        assertThat(Lists.numbers("x", "linspace:3,7,1", "any")).containsExactly(3);
        assertThat(Lists.numbers("x", "1,linspace:2,3,2,4", "any")).containsExactly(1, 2, 3, 4);
    }

    @Test
    void badListsNameTheFieldTheValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> Lists.numbers("lambda", "abc", "finite and >= 0"))
                .hasMessage("lambda: 'abc' is not a number; allowed: finite and >= 0, a list of them, or a grid "
                        + Lists.RANGES);
        assertThatThrownBy(() -> Lists.numbers("lambda", "0,logspace:-2,0", "x"))
                .hasMessage("lambda: 'logspace:-2,0' is a bad grid: needs 3 values FROM,TO,COUNT; allowed: " + Lists.RANGES);
        assertThatThrownBy(() -> Lists.numbers("lambda", "range:0,1,3", "x"))
                .hasMessageStartingWith("lambda: 'range:0,1,3' is a bad grid: unknown kind 'range'");
        assertThatThrownBy(() -> Lists.numbers("n", "geomspace:0,100,3", "x"))
                .hasMessage("n: 'geomspace:0,100,3' is a bad grid: geomspace needs FROM > 0 and TO > 0");
        assertThatThrownBy(() -> Lists.numbers("a", "logspace:-2,0,0", "x"))
                .hasMessage("a: 'logspace:-2,0,0' is a bad grid: COUNT 0 must be an integer from 1 to 100000");
        assertThatThrownBy(() -> Lists.numbers("a", "logspace:-2,0,2.5", "x")).hasMessageContaining("COUNT 2.5");
        assertThatThrownBy(() -> Lists.numbers("a", "linspace:0,Infinity,3", "x")).hasMessageContaining("finite");
        assertThatThrownBy(() -> Lists.numbers("a", "Infinity", "x")).hasMessageContaining("is not a finite number");
        assertThatThrownBy(() -> Lists.numbers("a", " , ", "x")).hasMessage("a: empty list; give at least one value");
    }

    @Test
    void aDeclarationChecksEveryValueInOneWording() {
        assertThat(Parameters.LAMBDA.parseList("0,logspace:-1,0,2")).containsExactly(0, 0.1, 1);
        assertThatThrownBy(() -> Parameters.LAMBDA.parseList("1e60"))
                .hasMessage("lambda: 1.0E60 is too large; allowed: >= 0, at most 1.0E50");
        assertThatThrownBy(() -> Parameters.ALPHA.parseList("linspace:-1,1,3"))
                .hasMessage("alpha: -1 (from 'linspace:-1,1,3') is not allowed; allowed: >= 0, at most 1.0E50");
        assertThatThrownBy(() -> Parameters.DELTA.parseList("0")).hasMessage("delta: 0 is not allowed; allowed: > 0, at most 1.0E50");
        // both edges of the range are accepted
        assertThat(Parameters.LAMBDA.parseList("0," + Parameters.MAX_SCALE)).containsExactly(0, 1e50);
    }
}
