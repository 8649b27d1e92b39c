package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code advrisk ntk}: output, thread-independence and bad input. */
class NtkCommandTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static final String[] SMALL = {"ntk", "--n", "40", "--d", "60", "--lambda", "0,0.01", "--alpha",
        "0,0.1", "--attack", "l2,linf", "--test-size", "300", "--trials", "2", "--steps", "10", "--restarts", "1",
        "--format", "csv"};

    private static String[] with(String[] base, String... more) {
        String[] out = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }

    @Test
    void csvHasOneRowPerTrialLambdaAttackAlphaAndTheLinearColumns() {
        Run r = run(SMALL);
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        String[] lines = r.out().trim().split("\n");
        assertThat(lines).hasSize(1 + 2 * 2 * 2 * 2);
        assertThat(lines[0]).startsWith("trial,seed,n,p,lambda".replace(",lambda", ",d,m,lambda"))
                .contains("std_risk", "adv_risk", "gt_adv_risk", "norm_l2", "norm_dual", "alpha_c", "train_mse",
                        "adv_risk_pgd", "adv_risk_first_order", "grad_norm", "kernel_gap", "weight_move", "lambda_eff");
        // α = 0: PGD equals the clean error exactly (no movement), so adv_risk = std_risk.
        String[] cols = lines[0].split(",");
        int std = java.util.Arrays.asList(cols).indexOf("std_risk");
        int adv = java.util.Arrays.asList(cols).indexOf("adv_risk");
        int alpha = java.util.Arrays.asList(cols).indexOf("alpha");
        for (int i = 1; i < lines.length; i++) {
            String[] v = lines[i].split(",");
            if (Double.parseDouble(v[alpha]) == 0) {
                assertThat(v[adv]).isEqualTo(v[std]);
            } else {
                assertThat(Double.parseDouble(v[adv])).isGreaterThan(Double.parseDouble(v[std]));
            }
        }
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalOutput() {
        Run one = run(with(SMALL, "--threads", "1"));
        Run two = run(with(SMALL, "--threads", "2"));
        assertThat(one.code()).isEqualTo(0);
        assertThat(two.out()).isEqualTo(one.out());
        String[] finite = {"ntk", "--n", "30", "--d", "40", "--width", "200", "--gd-steps", "50", "--test-size", "150",
            "--steps", "5", "--attack", "l2,linf", "--format", "json"};
        Run f1 = run(with(finite, "--threads", "1"));
        Run f2 = run(with(finite, "--threads", "2"));
        assertThat(f1.code()).as(f1.err()).isEqualTo(0);
        assertThat(f2.out()).isEqualTo(f1.out());
        assertThat(f1.out()).contains("\"m\" : 200", "\"weight_move\"", "\"kernel_gap\"");
    }

    @Test
    void badInputGetsOneLineMessageAndExitCode2() {
        assertBad(new String[] {"ntk", "--width", "101"}, "width: 101 must be even");
        assertBad(new String[] {"ntk", "--d", "0"}, "d: 0 must be >= 1");
        assertBad(new String[] {"ntk", "--d", "-3"}, "d: -3");
        assertBad(new String[] {"ntk", "--n", "20", "--d", "30", "--width", "100", "--eta", "50"},
                "eta: 50.0 made gradient descent diverge");
        assertBad(new String[] {"ntk", "--activation", "cubic"}, "activation: 'cubic' is not allowed; allowed: relu,"
                + " abs, erf, quadratic, tanh, softplus");
        assertBad(new String[] {"ntk", "--scale", "0"}, "scale: 0.0 must be finite and > 0");
        assertBad(new String[] {"ntk", "--scale", "0.1"}, "scale: 0.1 needs a finite --width");
        assertBad(new String[] {"ntk", "--kernel", "k3"}, "kernel: unknown kernel 'k3'; allowed: k1, k2, k1+k2");
        assertBad(new String[] {"ntk", "--attack", "l1"}, "attack: unknown attack 'l1' for PGD; allowed: l2, linf");
        assertBad(new String[] {"ntk", "--width", "wide"}, "width: 'wide' is not inf");
        assertBad(new String[] {"ntk", "--width", "100", "--lambda", "0.1"}, "lambda: 0.1 is not allowed");
        assertBad(new String[] {"ntk", "--sigma", "-1"}, "sigma: -1 is not allowed");
        assertBad(new String[] {"ntk", "--alpha", "-0.1"}, "alpha: -0.1");
        assertBad(new String[] {"ntk", "--spectrum", "cubic"}, "spectrum: unknown kind 'cubic'");
        assertBad(new String[] {"ntk", "--format", "xml"}, "format: 'xml' is not allowed; allowed: table, csv, json");
        assertBad(new String[] {"ntk", "--width", "100", "--init", "odd"}, "init: unknown initialisation 'odd'");
    }

    private static void assertBad(String[] args, String message) {
        Run r = run(args);
        assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(r.err()).contains("advrisk: error: " + message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().trim().split("\n")).hasSize(1);
    }

    @Test
    void helpDocumentsEveryOptionWithAnExample() {
        Run r = run("ntk", "--help");
        assertThat(r.code()).isEqualTo(0);
        for (String opt : new String[] {"--n", "--d", "--spectrum", "--theta", "--sigma", "--kernel", "--width",
            "--lambda", "--alpha", "--attack", "--steps", "--restarts", "--test-size", "--trials", "--seed", "--threads",
            "--format"}) {
            assertThat(r.out()).contains(opt);
        }
    }

    /** --theory adds the K1 deterministic equivalent's columns, the values of NtkEquivalent at each row's λ and α. */
    @Test
    void theoryAddsTheDeterministicEquivalentColumns() throws Exception {
        Run r = run("ntk", "--n", "40", "--d", "200", "--spectrum", "twolevel:spikes=5,spike=1,tail=20", "--theta",
                "top:k=5,norm=1", "--lambda", "0,0.01", "--alpha", "0.5", "--test-size", "50", "--steps", "3",
                "--restarts", "0", "--theory", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        org.advrisk.ntk.NtkData data = new org.advrisk.ntk.NtkData(
                org.advrisk.model.SpectrumSpec.parse("twolevel:spikes=5,spike=1,tail=20").withSize(200), false,
                org.advrisk.model.GroundTruthSpec.parse("top:k=5,norm=1").withSize(200, 1), 0.5,
                org.advrisk.random.Distribution.GAUSSIAN);
        org.advrisk.ntk.NtkEquivalent de = new org.advrisk.ntk.NtkEquivalent(data, 40);
        assertThat(rows.size()).isEqualTo(2);
        for (com.fasterxml.jackson.databind.JsonNode row : rows) {
            org.advrisk.theory.DePrediction p = de.columns(row.get("lambda").asDouble(), 0.5,
                    org.advrisk.model.AttackNorm.L2);
            assertThat(row.get("de_std_risk").asDouble()).isEqualTo(p.stdRisk()).isPositive();
            assertThat(row.get("de_adv_risk").asDouble()).isEqualTo(p.advRisk()).isGreaterThan(p.stdRisk());
            assertThat(row.get("de_norm_l2").asDouble()).isEqualTo(p.normL2()).isPositive();
        }
        assertThat(run(SMALL).out()).doesNotContain("de_std_risk");
        Run k2 = run("ntk", "--n", "20", "--d", "40", "--kernel", "k2", "--theory");
        assertThat(k2.code()).isEqualTo(2);
        assertThat(k2.err()).contains("theory: the NTK deterministic equivalent covers --kernel k1 only");
    }

    /**
     * --theory follows the activation: erf's equivalent comes from erf's coefficients (not relu's), abs (c1 = 0)
     * has none, and gradient-flow rows have none (their λ column is 1/t, not a ridge).
     */
    @Test
    void theoryFollowsTheActivationAndSkipsFlowRows() throws Exception {
        String[] base = {"ntk", "--n", "30", "--d", "120", "--spectrum", "twolevel:spikes=5,spike=1,tail=20", "--theta",
            "top:k=5,norm=1", "--lambda", "0.01", "--alpha", "0.5", "--test-size", "50", "--steps", "3", "--restarts", "0",
            "--theory", "--format", "json"};
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        org.advrisk.ntk.NtkData data = new org.advrisk.ntk.NtkData(
                org.advrisk.model.SpectrumSpec.parse("twolevel:spikes=5,spike=1,tail=20").withSize(120), false,
                org.advrisk.model.GroundTruthSpec.parse("top:k=5,norm=1").withSize(120, 1), 0.5,
                org.advrisk.random.Distribution.GAUSSIAN);
        Run erf = run(concat(base, "--activation", "erf", "--estimator", "ridge,gf", "--time", "10"));
        assertThat(erf.code()).as(erf.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode rows = m.readTree(erf.out());
        double want = new org.advrisk.ntk.NtkEquivalent(data, 30, org.advrisk.kernel.Activation.ERF)
                .columns(0.01, 0.5, org.advrisk.model.AttackNorm.L2).stdRisk();
        double relu = new org.advrisk.ntk.NtkEquivalent(data, 30).columns(0.01, 0.5, org.advrisk.model.AttackNorm.L2)
                .stdRisk();
        assertThat(want).isNotEqualTo(relu);
        int flows = 0;
        for (com.fasterxml.jackson.databind.JsonNode row : rows) {
            if ("gf".equals(row.path("estimator").asText())) {
                flows++;
                assertThat(row.get("de_std_risk").isNull() || Double.isNaN(row.get("de_std_risk").asDouble())).isTrue();
            } else {
                assertThat(row.get("de_std_risk").asDouble()).isEqualTo(want);
            }
        }
        assertThat(flows).isEqualTo(1);
        Run abs = run(concat(base, "--activation", "abs"));
        assertThat(abs.code()).as(abs.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode a = m.readTree(abs.out()).get(0);
        assertThat(a.get("de_std_risk").isNull() || Double.isNaN(a.get("de_std_risk").asDouble())).isTrue();
        assertThat(a.get("std_risk").asDouble()).isPositive();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
