package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code advrisk ntk --width inf --estimator ridge,gf --time LIST}: rows, t = inf = λ = 0, refusals. */
class NtkFlowCommandTest {
    private static final String[] BASE = {"ntk", "--n", "30", "--d", "40", "--alpha", "0.1", "--attack", "l2",
        "--test-size", "100", "--format", "csv"};

    private static String[] with(String... more) {
        String[] out = java.util.Arrays.copyOf(BASE, BASE.length + more.length);
        System.arraycopy(more, 0, out, BASE.length, more.length);
        return out;
    }

    @Test
    void kernelFlowRowsBesideRidge() throws Exception {
        CliRunner r = CliRunner.run(with("--width", "inf", "--estimator", "ridge,gf", "--lambda", "0", "--time", "3,inf"));
        assertThat(r.code()).as(r.err()).isZero();
        List<Map<String, String>> rows = AdvTrainSpecRunTest.csv(r.out());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get("estimator") + rows.get(1).get("time") + rows.get(1).get("lambda"))
                .isEqualTo("gf3.0NaN");
        for (String c : List.of("std_risk", "adv_risk", "norm_l2", "train_mse")) {
            assertThat(rows.get(2).get(c)).as(c).isEqualTo(rows.get(0).get(c));
        }
    }

    @Test
    void misuseExitsWith2() {
        for (String[] args : List.of(with("--width", "inf", "--estimator", "gf"),
                with("--width", "inf", "--time", "1"), with("--width", "100", "--estimator", "gf", "--time", "1"),
                with("--width", "inf", "--estimator", "gf", "--time", "-1"))) {
            CliRunner r = CliRunner.run(args);
            assertThat(r.code()).as(String.join(" ", args) + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("advrisk: error: ").doesNotContain("\tat ");
        }
    }
}
