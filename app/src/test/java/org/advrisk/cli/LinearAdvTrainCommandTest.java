package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code advrisk linear --estimator ridge,advtrain}: same training sets, the extra columns, bad input. */
class LinearAdvTrainCommandTest {

    private static List<Map<String, String>> csv(String out) {
        String[] lines = out.trim().split("\n");
        String[] head = lines[0].split(",", -1);
        List<Map<String, String>> rows = new java.util.ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] v = lines[i].split(",", -1);
            Map<String, String> m = new HashMap<>();
            for (int k = 0; k < head.length; k++) {
                m.put(head[k], v[k]);
            }
            rows.add(m);
        }
        return rows;
    }

    @Test
    void belowDeltaBarAdvTrainIsTheMinNormRidgeOnTheSameTrainingSet() {
        // p = 4n isotropic: δ̄ is large, so δ = 0.01 trains the min-norm interpolator, which is ridge at λ = 0
        // computed on its own road (eigendecomposition of the streamed Gram): equal risks prove equal data.
        CliRunner r = CliRunner.run("linear", "--n", "40", "--p", "160", "--lambda", "0", "--estimator", "ridge,advtrain",
                "--delta", "0.01,0.5", "--alpha", "0.1", "--attack", "l2,linf", "--trials", "2", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        List<Map<String, String>> rows = csv(r.out());
        assertThat(rows.get(0).keySet()).contains("estimator", "delta", "train_attack", "iterations", "train_gap", "delta0",
                "delta_bar");
        assertThat(rows).hasSize(2 * 2 + 2 * 2 * 2);
        for (Map<String, String> ridge : rows) {
            if (!ridge.get("estimator").equals("ridge")) {
                continue;
            }
            Map<String, String> adv = rows.stream().filter(m -> m.get("estimator").equals("advtrain")
                    && m.get("delta").equals("0.01") && m.get("trial").equals(ridge.get("trial"))
                    && m.get("attack").equals(ridge.get("attack"))).findFirst().orElseThrow();
            assertThat(Double.parseDouble(adv.get("delta_bar"))).as("0.01 is below the threshold").isGreaterThan(0.01);
            assertThat(Double.parseDouble(adv.get("iterations"))).as("closed form").isZero();
            double a = Double.parseDouble(ridge.get("std_risk"));
            // Two roads to the same θ̂: eigenbasis vs Cholesky of XXᵀ; rounding only.
            assertThat(Double.parseDouble(adv.get("std_risk"))).isCloseTo(a, within(1e-9 * a));
            double d = Double.parseDouble(ridge.get("adv_risk"));
            assertThat(Double.parseDouble(adv.get("adv_risk"))).isCloseTo(d, within(1e-9 * d));
        }
        // A larger δ trades standard risk for a smaller norm.
        for (Map<String, String> m : rows) {
            if (m.get("estimator").equals("advtrain") && m.get("delta").equals("0.5")) {
                assertThat(Double.parseDouble(m.get("train_gap"))).isLessThan(1e-8);
            }
        }
    }

    @Test
    void badInputGetsOneLineAndExitCode2() {
        String[][] cases = {
            {"estimator: 'lasso' is unknown; allowed: ridge, advtrain", "--estimator", "lasso"},
            {"delta: --estimator advtrain needs --delta", "--estimator", "advtrain"},
            {"delta: 0 is not allowed; allowed: > 0", "--estimator", "advtrain", "--delta", "0"},
            {"delta: -1 is not allowed; allowed: > 0", "--delta", "-1"},
            {"train-attack: 'l1' is unknown; allowed: l2, linf", "--estimator", "advtrain", "--delta", "0.1",
                "--train-attack", "l1"},
            {"lower --n or --p", "--estimator", "advtrain", "--delta", "0.1", "--n", "10000", "--p", "10000"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length + 4];
            args[0] = "linear";
            args[1] = "--n";
            args[2] = "20";
            args[3] = "--p";
            args[4] = "40";
            System.arraycopy(c, 1, args, 5, c.length - 1);
            if (c.length > 1 && List.of(c).contains("--n")) {
                args = new String[c.length];
                args[0] = "linear";
                System.arraycopy(c, 1, args, 1, c.length - 1);
            }
            CliRunner r = CliRunner.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).contains(c[0]).doesNotContain("Exception");
        }
    }
}
