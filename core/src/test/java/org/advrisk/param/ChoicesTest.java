package org.advrisk.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.advrisk.experiment.Family;
import org.advrisk.kernel.Activation;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;
import org.junit.jupiter.api.Test;

/** The string choices: each declaration is exactly the values its parser knows, and refuses in one wording. */
class ChoicesTest {
    @Test
    void declarationsAreTheParsersValues() {
        assertThat(Choices.DESIGN.allowedValues()).isEqualTo(labels(Distribution.values()));
        assertThat(Choices.NOISE.allowedValues()).isEqualTo(labels(Distribution.values()));
        assertThat(Choices.TARGET.allowedValues()).isEqualTo(labels(Target.values()));
        assertThat(Choices.FAMILY.allowedValues()).isEqualTo(labels(Family.values()));
        assertThat(Choices.ACTIVATION.allowedValues()).isEqualTo(Arrays.stream(Activation.values()).map(Activation::label)
                .toList());
        for (Choice c : Choices.ALL) {
            assertThat(c.allowedValues()).as(c.name()).contains(c.defaultText());
        }
    }

    private static List<String> labels(Enum<?>[] values) {
        return Arrays.stream(values).map(e -> e.name().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    @Test
    void everyParserRefusesInTheDeclarationsWords() {
        String words = "'cauchy' is not allowed; allowed: gaussian, rademacher";
        assertThatThrownBy(() -> Distribution.parse("design", "cauchy")).hasMessage("design: " + words);
        assertThatThrownBy(() -> Distribution.parse("noise", "cauchy")).hasMessage("noise: " + words);
        assertThatThrownBy(() -> Target.parse("dirty")).hasMessage(
                "target: 'dirty' is not allowed; allowed: clean, consistent, noisy");
        assertThatThrownBy(() -> Activation.parse("cubic")).hasMessage(
                "activation: 'cubic' is not allowed; allowed: relu, abs, erf, quadratic, tanh, softplus");
        assertThatThrownBy(() -> Family.parse("family", "forest")).hasMessage(
                "family: 'forest' is not allowed; allowed: linear, ntk");
        assertThat(Choices.TARGET.parseList("target", "Clean, noisy")).containsExactly("clean", "noisy");
        assertThatThrownBy(() -> Choices.TARGET.parseList("target", "clean,clean")).hasMessageContaining("appears twice");
    }

    @Test
    void theEstimatorNamesComeFromTheRegistryHook() {
        var before = Choices.ESTIMATOR.allowedValues();
        try {
            Choices.estimatorNames(() -> List.of("ridge", "toy"));
            assertThat(Choices.ESTIMATOR.parse("toy")).isEqualTo("toy");
            assertThatThrownBy(() -> Choices.ESTIMATOR.parse("gf")).hasMessage(
                    "estimator: 'gf' is not allowed; allowed: ridge, toy");
        } finally {
            Choices.estimatorNames(() -> before);
        }
    }
}
