package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code estimator: [ridge, gf, gd]} through {@code advrisk run} equals {@code advrisk linear --estimator
 * ridge,gf,gd} on the same inputs; gf's t = inf rows equal the λ = 0 rows; the report renders; bad
 * values exit 2 with one line naming the field.
 */
class FlowSpecRunTest {
    @TempDir
    Path tmp;

    private static final String SPEC = """
            name: flow
            seed: 4
            trials: 2
            n: 30
            p: 150
            sigma: 0.5
            spectrum: "twolevel:spikes=3,spike=1,tail=0.05"
            theta: "top:k=3,norm=1"
            lambda: [0, 0.01, 0.1]
            alpha: [0.1, 0.3]
            attack: [l2, linf]
            estimator: [ridge, gf, gd]
            time: [0.5, 5, inf]
            eta: 0.5
            steps: [1, 20]
            """;

    private static final List<String> COMPARED = List.of("lambda", "estimator", "time", "steps", "eta", "lambda_equiv",
            "alpha", "attack", "target", "std_risk", "adv_risk", "norm_l2", "norm_dual", "train_mse");

    private static String key(Map<String, String> r) {
        return r.get("trial") + "|" + r.get("estimator") + "|" + r.get("lambda") + "|" + r.get("time") + "|"
                + r.get("alpha") + "|" + r.get("attack");
    }

    @Test
    void specRowsEqualTheLinearCommandsAndGfAtInfEqualsLambdaZero() throws Exception {
        Path f = tmp.resolve("flow.yaml");
        Files.writeString(f, SPEC);
        Path out = tmp.resolve("out");
        Cli run = Cli.run("run", f.toString(), "--out", out.toString(), "--quiet");
        assertThat(run.code()).as(run.err()).isZero();
        List<Map<String, String>> spec = AdvTrainSpecRunTest.csv(Files.readString(out.resolve("results.csv")));
        Cli lin = Cli.run("linear", "--n", "30", "--p", "150", "--sigma", "0.5", "--spectrum",
                "twolevel:spikes=3,spike=1,tail=0.05", "--theta", "top:k=3,norm=1", "--lambda", "0,0.01,0.1", "--alpha",
                "0.1,0.3", "--attack", "l2,linf", "--estimator", "ridge,gf,gd", "--time", "0.5,5,inf", "--eta", "0.5",
                "--steps", "1,20", "--seed", "4", "--trials", "2", "--format", "csv");
        assertThat(lin.code()).as(lin.err()).isZero();
        List<Map<String, String>> cli = AdvTrainSpecRunTest.csv(lin.out());
        // 2 trials × (3 λ + 3 t + 2 K) × 2 α × 2 attacks
        assertThat(spec).hasSize(2 * 8 * 2 * 2);
        assertThat(cli).hasSize(spec.size());
        Map<String, Map<String, String>> byKey = new HashMap<>();
        cli.forEach(r -> byKey.put(key(r), r));
        for (Map<String, String> r : spec) {
            Map<String, String> c = byKey.get(key(r));
            assertThat(c).as(key(r)).isNotNull();
            for (String col : COMPARED) {
                assertThat(r.get(col)).as(key(r) + " " + col).isEqualTo(c.get(col));
            }
            if (r.get("estimator").equals("gf") && Double.parseDouble(r.get("time")) == Double.POSITIVE_INFINITY) {
                Map<String, String> ridge0 = byKey.get(r.get("trial") + "|ridge|0.0|NaN|" + r.get("alpha") + "|"
                        + r.get("attack"));
                for (String col : List.of("std_risk", "adv_risk", "norm_l2", "norm_dual", "train_mse")) {
                    assertThat(r.get(col)).as("t=inf vs λ=0 " + col).isEqualTo(ridge0.get(col));
                }
            }
        }
        assertThat(spec.stream().filter(r -> r.get("estimator").equals("gd")).map(r -> r.get("time")).distinct())
                .containsExactlyInAnyOrder("0.5", "10.0");
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"time\"", "\"inf\"", "\"eta\"", "\"steps\"");
        Cli report = Cli.run("report", out.toString());
        assertThat(report.code()).as(report.err()).isZero();
    }

    @Test
    void badFlowValuesExitWith2NamingTheField() throws Exception {
        String base = SPEC.substring(0, SPEC.indexOf("estimator:"));
        String[][] cases = {
            {"estimator: gf\n", "time: missing; estimator gf needs it"},
            {"estimator: gf\ntime: [1, -1]\n", "time[1]: -1 is not allowed"},
            {"time: 1\n", "time: given, but estimator has no gf"},
            {"estimator: gd\nsteps: 10\n", "eta: missing; estimator gd needs it"},
            {"estimator: gd\neta: 0.5\nsteps: [1.5]\n", "steps[0]: 1.5 is not an integer"},
            {"estimator: gd\neta: 0\nsteps: 3\n", "eta: 0 is not allowed"},
            {"estimator: gd\neta: 1000\nsteps: 3\n", "eta: 1000.0 is not stable on this training set"},
        };
        for (String[] c : cases) {
            Path f = tmp.resolve("bad.yaml");
            Files.writeString(f, base + c[0]);
            Cli r = Cli.run("run", f.toString(), "--out", tmp.resolve("never").toString(), "--quiet");
            assertThat(r.code()).as(c[0] + r.err()).isEqualTo(2);
            assertThat(r.err()).as(c[0]).contains(c[1]).doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(r.err().strip().lines()).as(c[0]).hasSize(1);
        }
        Cli lin = Cli.run("linear", "--n", "30", "--p", "150", "--estimator", "gd", "--eta", "1000", "--steps", "3");
        assertThat(lin.code()).isEqualTo(2);
        assertThat(lin.err()).contains("eta: 1000.0 is not stable").contains("allowed: η <");
        Cli noTime = Cli.run("linear", "--n", "30", "--p", "150", "--estimator", "gf");
        assertThat(noTime.code()).isEqualTo(2);
        assertThat(noTime.err()).contains("time: --estimator gf needs it");
    }
}
