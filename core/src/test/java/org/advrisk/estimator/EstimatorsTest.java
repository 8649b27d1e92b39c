package org.advrisk.estimator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.linear.SpectralFamily;
import org.junit.jupiter.api.Test;

/** The registry's built-ins: names in the order messages list them, parameters, capabilities, families. */
class EstimatorsTest {
    @Test
    void builtInsInOrderWithoutPlugins() {
        assertThat(Estimators.all()).extracting(EstimatorKind::name).containsExactly("ridge", "advtrain", "gf", "gd");
        assertThat(Estimators.allowed()).isEqualTo("ridge, advtrain, gf, gd");
        assertThat(Estimators.plugins()).isEmpty();
        assertThat(Estimators.find("lasso")).isEmpty();
        assertThat(Estimators.isPlugin("ridge")).isFalse();
    }

    @Test
    void parametersAndCapabilities() {
        assertThat(Estimators.RIDGE.parameter().column()).isEqualTo(Columns.LAMBDA);
        assertThat(Estimators.GF.parameter().column()).isEqualTo(Columns.TIME);
        assertThat(Estimators.GD.parameter().column()).isEqualTo(Columns.STEPS);
        assertThat(Estimators.ADVTRAIN.parameter().column()).isEqualTo(Columns.DELTA);
        assertThat(Estimators.GD.settings()).extracting(Setting::name).containsExactly("eta");
        assertThat(Estimators.ADVTRAIN.settings().get(0).choices()).containsExactly("l2", "linf");
        assertThat(Estimators.RIDGE.capabilities().deterministicEquivalent()).isTrue();
        assertThat(Estimators.ADVTRAIN.capabilities().spectral()).isFalse();
        assertThat(Estimators.ADVTRAIN.capabilities().needsTheta()).isTrue();
        assertThat(Estimators.GF.capabilities().tables()).isTrue();
        assertThat(Estimators.ADVTRAIN).isNotInstanceOf(SpectralEstimator.class);
    }

    @Test
    void spectralBuiltInsAreTheLinearFamilies() {
        assertThat(Estimators.RIDGE.family(Map.of())).isSameAs(SpectralFamily.RIDGE);
        assertThat(Estimators.GF.family(Map.of())).isSameAs(SpectralFamily.FLOW);
        assertThat(Estimators.GD.family(Map.of("eta", 0.5))).isEqualTo(SpectralFamily.steps(0.5));
    }
}
