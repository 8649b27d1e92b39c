package org.advrisk.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SizeRuleTest {
    @Test
    void parsesNumbersAndExpressionsOfN() {
        assertThat(SizeRule.parse("p", "2000").at(7)).isEqualTo(2000);
        assertThat(SizeRule.parse("p", "n").at(7)).isEqualTo(7);
        assertThat(SizeRule.parse("p", "10*n").at(7)).isEqualTo(70);
        assertThat(SizeRule.parse("p", "10n").text()).isEqualTo("10*n");
        assertThat(SizeRule.parse("p", "n^2").at(1600)).isEqualTo(2_560_000);
        assertThat(SizeRule.parse("p", "n**2").text()).isEqualTo("n^2");
        assertThat(SizeRule.parse("p", "n^1.5").at(100)).isEqualTo(1000);
        // 0.5 * 50^1.5 = 176.776…, rounded.
        assertThat(SizeRule.parse("p", "0.5*n^1.5").at(50)).isEqualTo(177);
    }

    @Test
    void refusesWhatIsNotASize() {
        assertThatThrownBy(() -> SizeRule.parse("p[2]", "2.5")).hasMessage("p[2]: 2.5 is not a positive integer; allowed: "
                + SizeRule.ALLOWED);
        assertThatThrownBy(() -> SizeRule.parse("p", "0*n")).hasMessageContaining("factor 0");
        assertThatThrownBy(() -> SizeRule.parse("p", "m^2")).hasMessageContaining("is not allowed; allowed: " + SizeRule.ALLOWED);
    }

    @Test
    void substitutesExpressionsInParameterStrings() {
        assertThat(SizeRule.substitute("twolevel:spikes=10,spike=1,tail=n^0.5", 400))
                .isEqualTo("twolevel:spikes=10,spike=1,tail=20.0");
        assertThat(SizeRule.substitute("twolevel:spikes=10,spike=1,tail=1", 400))
                .isEqualTo("twolevel:spikes=10,spike=1,tail=1");
        assertThat(SizeRule.substitute("file:/tmp/n.txt", 400)).isEqualTo("file:/tmp/n.txt");
        assertThat(SizeRule.dependsOnN("top:k=n,norm=1")).isTrue();
        assertThat(SizeRule.dependsOnN("isotropic")).isFalse();
    }
}
