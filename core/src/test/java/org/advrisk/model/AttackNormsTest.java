package org.advrisk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The attack-norm registry: each norm's kind and capabilities, the trainable and PGD lists, the refusal. */
class AttackNormsTest {
    @Test
    void kindsAndCapabilities() {
        assertThat(AttackNorms.of(AttackNorm.L2)).isEqualTo(AttackNorms.L2);
        assertThat(AttackNorms.of(AttackNorm.LINF)).isEqualTo(AttackNorms.LINF);
        assertThat(AttackNorms.of(AttackNorm.L1)).isEqualTo(AttackNorms.L1);
        assertThat(AttackNorms.of(AttackNorm.parse("lp:3"))).isEqualTo(AttackNorms.LP);
        assertThat(AttackNorms.all()).allMatch(AttackNorms.Kind::closedForm);
        assertThat(AttackNorms.trainable()).containsExactly("l2", "linf");
        assertThat(AttackNorms.pgdBalls()).containsExactly("l2", "linf");
        assertThat(AttackNorms.LINF.deterministicEquivalent()).isTrue();
        assertThat(AttackNorms.LINF.proved()).isFalse();
        assertThat(AttackNorms.of(AttackNorm.parse("lp:3")).deterministicEquivalent()).isFalse();
    }

    @Test
    void trainingAttackIsParsedOrRefusedNamingTheField() {
        assertThat(AttackNorms.parseTrainable("train-attack", "linf")).isEqualTo(AttackNorm.LINF);
        assertThatThrownBy(() -> AttackNorms.parseTrainable("train-attack", "l1"))
                .hasMessage("train-attack: 'l1' is unknown; allowed: l2, linf");
    }
}
