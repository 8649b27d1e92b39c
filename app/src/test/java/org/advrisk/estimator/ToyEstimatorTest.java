package org.advrisk.estimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.advrisk.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The toy {@link ShrinkEstimator} (θ̂ = c·θ̂₀, declared in the test tree and registered through
 * META-INF/services, no main code of its own) gets its rows from {@code advrisk linear}, a spec run and
 * {@code advrisk audit}. Checked against the min-norm fit the ridge rows compute at λ = 0 through the ridge
 * filter: ‖cθ̂₀‖ = c‖θ̂₀‖; with Σ = I, ‖cθ̂₀ − θ*‖² = c²A − c(A + B − R₁) + B (A = ‖θ̂₀‖², B = ‖θ*‖² = 1,
 * R₁ = ‖θ̂₀ − θ*‖²); on a table, the least-squares residual is orthogonal to the fit, so the training MSE is
 * (1 − c)²(mse₀ − mse₁) + mse₁. Tolerances: 1e-9 relative (the same eigendecomposition, two filters).
 */
class ToyEstimatorTest {
    private static final double TOL = 1e-9;

    @TempDir
    Path dir;

    @Test
    void registryFindsTheToy() {
        assertThat(Estimators.find("shrink")).containsInstanceOf(ShrinkEstimator.class);
        assertThat(Estimators.allowed()).isEqualTo("ridge, advtrain, gf, gd, shrink");
    }

    @Test
    void linearRowsOfTheToy() throws Exception {
        Run r = run("linear", "--spectrum", "isotropic", "--n", "30", "--p", "80", "--theta", "top:k=5,norm=1",
                "--sigma", "0.5", "--lambda", "0", "--estimator", "ridge,shrink", "--shrink", "0,0.5,1", "--alpha",
                "0.1", "--attack", "l2", "--trials", "2", "--format", "csv");
        assertThat(r.code).as(r.err).isZero();
        List<Map<String, String>> rows = csv(r.out);
        assertThat(rows).hasSize(2 * 4);
        for (String trial : List.of("0", "1")) {
            Map<String, String> ridge = find(rows, trial, "ridge", null);
            double a = sq(num(ridge, "norm_l2"));
            double r1 = num(ridge, "std_risk");
            assertThat(ridge.get("shrink")).isEqualTo("NaN");
            for (double c : new double[] {0, 0.5, 1}) {
                Map<String, String> toy = find(rows, trial, "shrink", c);
                assertThat(toy.get("lambda")).isEqualTo("NaN");
                assertThat(num(toy, "norm_l2")).isCloseTo(c * Math.sqrt(a), within(TOL * Math.sqrt(a)));
                assertThat(num(toy, "std_risk")).isCloseTo(c * c * a - c * (a + 1 - r1) + 1, within(TOL * (a + 1)));
            }
        }
    }

    @Test
    void specRunRowsOfTheToy() throws Exception {
        Path spec = dir.resolve("toy.yaml");
        Files.writeString(spec, """
                name: toy
                seed: 3
                trials: 1
                n: 25
                p: 60
                sigma: 0.5
                spectrum: "twolevel:spikes=3,spike=1,tail=1"
                theta: "top:k=3,norm=1"
                lambda: [0]
                alpha: [0.1]
                estimator: [ridge, shrink]
                shrink: [0.25, 1]
                """);
        Path out = dir.resolve("run");
        Run r = run("run", spec.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code).as(r.err).isZero();
        List<Map<String, String>> rows = csv(Files.readString(out.resolve("results.csv")));
        Map<String, String> ridge = find(rows, "0", "ridge", null);
        for (double c : new double[] {0.25, 1}) {
            Map<String, String> toy = find(rows, "0", "shrink", c);
            assertThat(num(toy, "norm_l2")).isCloseTo(c * num(ridge, "norm_l2"), within(TOL * num(ridge, "norm_l2")));
            if (c == 1) {
                assertThat(num(toy, "std_risk")).isCloseTo(num(ridge, "std_risk"), within(TOL * num(ridge, "std_risk")));
            }
        }
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("shrink");
    }

    @Test
    void auditRowsOfTheToy() throws Exception {
        Path f = dir.resolve("t.csv");
        StringBuilder b = new StringBuilder("a,b,c,y\n");
        java.util.SplittableRandom g = new java.util.SplittableRandom(5);
        for (int i = 0; i < 50; i++) {
            double x1 = g.nextGaussian();
            double x2 = g.nextGaussian();
            double x3 = g.nextGaussian();
            b.append(x1).append(',').append(x2).append(',').append(x3).append(',')
                    .append(x1 - 0.5 * x2 + 0.3 * g.nextGaussian()).append('\n');
        }
        Files.writeString(f, b.toString());
        Run r = run("audit", f.toString(), "--target", "y", "--lambda", "0", "--alpha", "0.1", "--estimator",
                "ridge,shrink", "--shrink", "0,0.5,1", "--format", "csv", "--quiet");
        assertThat(r.code).as(r.err).isZero();
        List<Map<String, String>> rows = csv(r.out);
        assertThat(r.out.lines().findFirst().orElseThrow()).endsWith(",shrink");
        Map<String, String> ridge = rows.stream().filter(m -> m.get("estimator").equals("ridge")).findFirst().orElseThrow();
        String split = ridge.get("split");
        Map<String, String> zero = audit(rows, split, 0);
        Map<String, String> one = audit(rows, split, 1);
        Map<String, String> half = audit(rows, split, 0.5);
        for (String c : List.of("train_mse", "test_mse", "adv_test_mse", "norm_dual")) {
            assertThat(num(one, c)).as(c).isCloseTo(num(ridge, c), within(TOL * Math.abs(num(ridge, c))));
        }
        double m0 = num(zero, "train_mse");
        double m1 = num(one, "train_mse");
        assertThat(num(zero, "norm_dual")).isZero();
        assertThat(num(half, "norm_dual")).isCloseTo(0.5 * num(ridge, "norm_dual"), within(TOL * num(ridge, "norm_dual")));
        assertThat(num(half, "train_mse")).isCloseTo(0.25 * (m0 - m1) + m1, within(TOL * m0));
    }

    @Test
    void toyFlagIsRequiredWithTheToyAndRefusedWithout() {
        Run missing = run("linear", "--n", "10", "--p", "20", "--estimator", "shrink");
        assertThat(missing.code).isEqualTo(2);
        assertThat(missing.err.trim()).isEqualTo("advrisk: error: shrink: --estimator shrink needs it, e.g. --shrink 0.5,1");
        Run extra = run("linear", "--n", "10", "--p", "20", "--shrink", "0.5");
        assertThat(extra.code).isEqualTo(2);
        assertThat(extra.err.trim()).isEqualTo("advrisk: error: shrink: given, but --estimator has no shrink");
        Run range = run("linear", "--n", "10", "--p", "20", "--estimator", "shrink", "--shrink", "2");
        assertThat(range.code).isEqualTo(2);
        assertThat(range.err.trim()).isEqualTo("advrisk: error: shrink: 2 is too large; allowed: between 0 and 1");
    }

    private static Map<String, String> audit(List<Map<String, String>> rows, String split, double c) {
        return rows.stream().filter(m -> m.get("split").equals(split) && m.get("estimator").equals("shrink")
                && Double.parseDouble(m.get("shrink")) == c).findFirst().orElseThrow();
    }

    private static Map<String, String> find(List<Map<String, String>> rows, String trial, String estimator, Double c) {
        return rows.stream().filter(m -> m.get("trial").equals(trial) && m.get("estimator").equals(estimator)
                && (c == null || Double.parseDouble(m.get("shrink")) == c)).findFirst().orElseThrow();
    }

    private static double num(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    private static double sq(double v) {
        return v * v;
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static List<Map<String, String>> csv(String text) throws java.io.IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .build().parse(new java.io.StringReader(text))) {
            for (var rec : parser) {
                rows.add(new HashMap<>(rec.toMap()));
            }
        }
        return rows;
    }
}
