package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code estimator: [ridge, advtrain]} through {@code advrisk run}: the rows equal those of
 * {@code advrisk linear --estimator ridge,advtrain} for the same inputs (same seed, same training sets),
 * the report renders, and bad values exit 2 with one line naming the field.
 */
class AdvTrainSpecRunTest {
    @TempDir
    Path tmp;

    private static final String SPEC = """
            name: adv
            seed: 6
            trials: 2
            n: 30
            p: 120
            sigma: 0.5
            spectrum: "twolevel:spikes=3,spike=1,tail=1"
            theta: "top:k=3,norm=1"
            lambda: [0, 0.01, 0.1]
            alpha: [0.1, 0.3]
            attack: [l2, linf]
            estimator: [ridge, advtrain]
            delta: [0.005, 0.1, 0.3]
            train_attack: linf
            """;

    /** Columns both outputs carry and that must agree exactly (same code on the same training set). */
    private static final List<String> COMPARED = List.of("lambda", "estimator", "delta", "train_attack", "iterations",
            "train_gap", "delta0", "delta_bar", "alpha", "attack", "target", "std_risk", "adv_risk", "norm_l2", "norm_dual",
            "train_mse");

    /** CSV rows as column maps (commons-csv: the spectrum column holds quoted commas). */
    static List<Map<String, String>> csv(String text) throws java.io.IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .build().parse(new java.io.StringReader(text))) {
            for (var rec : parser) {
                rows.add(new HashMap<>(rec.toMap()));
            }
        }
        return rows;
    }

    private static String key(Map<String, String> r) {
        return r.get("trial") + "|" + r.get("estimator") + "|" + num(r.get("lambda")) + "|" + num(r.get("delta")) + "|"
                + num(r.get("alpha")) + "|" + r.get("attack");
    }

    private static String num(String s) {
        return Double.toString(Double.parseDouble(s));
    }

    @Test
    void specRowsEqualTheLinearCommandsAndTheReportRenders() throws Exception {
        Path f = tmp.resolve("adv.yaml");
        Files.writeString(f, SPEC);
        Path out = tmp.resolve("out");
        Cli run = Cli.run("run", f.toString(), "--out", out.toString(), "--quiet");
        assertThat(run.code()).as(run.err()).isZero();
        List<Map<String, String>> spec = csv(Files.readString(out.resolve("results.csv")));
        Cli lin = Cli.run("linear", "--n", "30", "--p", "120", "--sigma", "0.5", "--spectrum",
                "twolevel:spikes=3,spike=1,tail=1", "--theta", "top:k=3,norm=1", "--lambda", "0,0.01,0.1", "--alpha",
                "0.1,0.3", "--attack", "l2,linf", "--estimator", "ridge,advtrain", "--delta", "0.005,0.1,0.3",
                "--train-attack", "linf", "--seed", "6", "--trials", "2", "--format", "csv");
        assertThat(lin.code()).as(lin.err()).isZero();
        List<Map<String, String>> cli = csv(lin.out());
        // 2 trials × (3 λ + 3 δ) × 2 α × 2 attacks.
        assertThat(spec).hasSize(2 * 6 * 2 * 2);
        assertThat(cli).hasSize(spec.size());
        Map<String, Map<String, String>> byKey = new HashMap<>();
        cli.forEach(r -> byKey.put(key(r), r));
        int adv = 0;
        for (Map<String, String> r : spec) {
            Map<String, String> c = byKey.get(key(r));
            assertThat(c).as(key(r)).isNotNull();
            for (String col : COMPARED) {
                String a = r.get(col);
                String b = c.get(col);
                if (a.matches("-?[0-9.]+(E-?[0-9]+)?|NaN")) {
                    assertThat(Double.valueOf(a)).as(key(r) + " " + col).isEqualTo(Double.valueOf(b)); // NaN = NaN
                } else {
                    assertThat(a).as(key(r) + " " + col).isEqualTo(b);
                }
            }
            adv += r.get("estimator").equals("advtrain") ? 1 : 0;
        }
        assertThat(adv).isEqualTo(2 * 3 * 2 * 2);
        // The report reads the ridge path only: its plots are byte for byte those of the ridge-only spec (same
        // training sets: the linf attack streams the design either way).
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("id=\"plot-frontier-1-a0_1\"", "id=\"plot-risk-vs-lambda-2-a0_3\"");
        Path ridgeSpec = tmp.resolve("ridge.yaml");
        Files.writeString(ridgeSpec, SPEC.replace("estimator: [ridge, advtrain]\n", "")
                .replace("delta: [0.005, 0.1, 0.3]\n", "").replace("train_attack: linf\n", ""));
        Path ridgeOut = tmp.resolve("ridge");
        assertThat(Cli.run("run", ridgeSpec.toString(), "--out", ridgeOut.toString(), "--quiet").code()).isZero();
        for (String plot : List.of("frontier-1-a0_1.svg", "risk-vs-lambda-2-a0_3.svg")) {
            assertThat(Files.readString(out.resolve("plots").resolve(plot)))
                    .isEqualTo(Files.readString(ridgeOut.resolve("plots").resolve(plot)));
        }
        Cli report = Cli.run("report", out.toString());
        assertThat(report.code()).as(report.err()).isZero();
    }

    @Test
    void badEstimatorValuesExitWith2NamingTheField() throws Exception {
        String base = SPEC.replace("estimator: [ridge, advtrain]\n", "").replace("delta: [0.005, 0.1, 0.3]\n", "")
                .replace("train_attack: linf\n", "");
        String[][] cases = {
            {"estimator: [ridge, lasso]\n", "estimator[1]: 'lasso' is unknown; allowed: ridge, advtrain"},
            {"estimator: advtrain\ndelta: [0.1, 0]\n", "delta[1]: 0 is not allowed; allowed: > 0, at most 1.0E50"},
            {"estimator: advtrain\n", "delta: missing; estimator advtrain needs budgets δ > 0"},
            {"estimator: advtrain\ndelta: 0.1\ntrain_attack: l1\n", "train_attack: 'l1' is unknown; allowed: l2, linf"},
            {"delta: 0.1\n", "delta: given, but estimator has no advtrain"},
        };
        for (String[] c : cases) {
            Path f = tmp.resolve("bad.yaml");
            Files.writeString(f, base + c[0]);
            Cli r = Cli.run("run", f.toString(), "--out", tmp.resolve("never").toString());
            assertThat(r.code()).as(c[0]).isEqualTo(2);
            assertThat(r.err()).as(c[0]).contains(c[1]).doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(r.err().strip().lines()).as(c[0]).hasSize(1);
        }
        Path big = tmp.resolve("big.yaml");
        Files.writeString(big, base.replace("n: 30\np: 120", "n: 5000\np: 20000") + "estimator: [ridge, advtrain]\n"
                + "delta: 0.1\n");
        Cli r = Cli.run("run", big.toString(), "--out", tmp.resolve("never").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("estimator: advtrain holds the n×p design in memory, but n = 5000 with p = 20000"
                + " = 20000 needs n·p = 100000000 doubles");
        assertThat(Files.exists(tmp.resolve("never"))).isFalse();
    }
}
