package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;
import org.advrisk.theory.DePoint;
import org.advrisk.theory.DeterministicEquivalent;
import org.advrisk.theory.TheorySpectrum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code advrisk theory} and {@code advrisk linear --theory}: shapes, values, verdicts and bad input. */
class TheoryCommandTest {
    @TempDir
    Path dir;

    private static JsonNode json(CliRunner r) throws IOException {
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void deSectionIsPlainCsvWithOneRowPerCombination() {
        CliRunner r = CliRunner.run("theory", "--n-grid", "50,100", "--lambda", "0,0.1", "--alpha", "0.1,0.25",
                "--attack", "l2,linf", "--target", "clean,consistent,noisy", "--show", "de", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().trim().split("\n");
        assertThat(lines[0]).startsWith("n,p,lambda,alpha,attack,target,kappa,df1,df2,tau2,bias,variance,std_risk,"
                + "adv_risk,gt_adv_risk,norm_l2,norm_sq_signal,norm_sq_noise,norm_dual,alpha_c,empirical,tail_ratio");
        // 2 n × 2 λ × 2 α × 2 attacks × 3 targets
        assertThat(lines).hasSize(1 + 2 * 2 * 2 * 2 * 3);
    }

    @Test
    void deRowsEqualTheLibrary() throws IOException {
        JsonNode doc = json(CliRunner.run("theory", "--spectrum", "powerlaw:a=1,b=2", "--p", "5000", "--n", "200",
                "--lambda", "0.01", "--alpha", "0.25", "--target", "consistent", "--show", "de", "--format", "json"));
        JsonNode row = doc.get("de").get(0);
        TheorySpectrum s = TheorySpectrum.of(SpectrumSpec.parse("powerlaw:a=1,b=2").withSize(5000),
                GroundTruthSpec.parse("top:k=1,norm=1").withSize(5000, 0), TheorySpectrum.DEFAULT_TRUNCATION);
        DePoint d = new DeterministicEquivalent(s, 200, 0.5).at(0.01);
        assertThat(row.get("std_risk").asDouble()).isEqualTo(d.stdRisk());
        assertThat(row.get("norm_l2").asDouble()).isEqualTo(Math.sqrt(d.normL2Sq()));
        assertThat(row.get("adv_risk").asDouble())
                .isEqualTo(d.adversarialRisk(AttackNorm.L2, Target.CONSISTENT, 0.25, Distribution.GAUSSIAN));
        assertThat(row.get("norm_dual").asDouble()).isEqualTo(Math.sqrt(d.errorL2Sq()));
        assertThat(row.get("gt_adv_risk").asDouble()).isZero();
    }

    @Test
    void benignVerdictsAndTradeOffTableInJson() throws IOException {
        JsonNode two = json(CliRunner.run("theory", "--spectrum", "twolevel:spikes=10,spike=1,tail=1", "--theta",
                "top:k=10,norm=1", "--p", "n^2", "--n-grid", "100,400", "--alpha", "0.25", "--b", "1",
                "--show", "ranks,tradeoff", "--format", "json"));
        assertThat(two.get("b").asDouble()).isEqualTo(1.0);
        assertThat(two.get("diagnosis").get("verdict").asText()).isEqualTo("benign");
        assertThat(two.get("ranks").get(1).get("k_star").asLong()).isEqualTo(10);
        // docs/theory.md §6 table: A / S = 1.97 / 1.44 (n = 100) and 4.44 / 1.74 (n = 400)
        JsonNode t = two.get("tradeoff");
        assertThat(t.get(0).get("A").asDouble()).isCloseTo(1.97, within(0.005));
        assertThat(t.get(0).get("S").asDouble()).isCloseTo(1.44, within(0.005));
        assertThat(t.get(1).get("A").asDouble()).isCloseTo(4.44, within(0.005));
        assertThat(t.get(1).get("min_norm_adv_risk").asDouble()).isCloseTo(6.51, within(0.005));
        assertThat(two.get("tradeoff_verdict").get("l2/clean/alpha=0.25").asText()).startsWith("holds");

        JsonNode iso = json(CliRunner.run("theory", "--p", "2n", "--n-grid", "100,400,1600", "--show", "ranks",
                "--format", "json"));
        assertThat(iso.get("diagnosis").get("verdict").asText()).isEqualTo("not benign");
        assertThat(iso.get("ranks").get(2).get("r0_over_n").asDouble()).isEqualTo(2.0);
        assertThat(iso.get("ranks").get(2).get("n_over_R_k_star").asDouble()).isEqualTo(0.5);
    }

    @Test
    void tableSaysTheVerdictRuleAndB() {
        CliRunner r = CliRunner.run("theory", "--spectrum", "powerlaw:a=2,b=0", "--p", "inf", "--truncation", "100000",
                "--n-grid", "100,1000", "--b", "2", "--show", "ranks");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("b=2.0").contains("P=100000").contains("# benign: not benign")
                .contains("# rule: benign iff");
    }

    @Test
    void linearTheoryAddsPredictionColumnsNextToTheSimulatedOnes() throws IOException {
        CliRunner r = CliRunner.run("linear", "--n", "40", "--p", "160", "--lambda", "0,0.1", "--alpha", "0.25",
                "--attack", "l2,l1", "--theory", "--threads", "1", "--format", "json");
        JsonNode rows = json(r);
        assertThat(rows).hasSize(4);
        TheorySpectrum s = TheorySpectrum.of(SpectrumSpec.parse("isotropic").withSize(160),
                GroundTruthSpec.parse("top:k=1,norm=1").withSize(160, 0), TheorySpectrum.DEFAULT_TRUNCATION);
        DePoint d = new DeterministicEquivalent(s, 40, 0.5).at(0.1);
        JsonNode l2 = rows.get(2);
        assertThat(l2.get("lambda").asDouble()).isEqualTo(0.1);
        assertThat(l2.get("de_std_risk").asDouble()).isEqualTo(d.stdRisk());
        assertThat(l2.get("de_norm_l2").asDouble()).isEqualTo(Math.sqrt(d.normL2Sq()));
        assertThat(l2.get("de_adv_risk").asDouble())
                .isEqualTo(d.adversarialRisk(AttackNorm.L2, Target.CLEAN, 0.25, Distribution.GAUSSIAN));
        // l1 attacks have no equivalent: null in JSON
        assertThat(rows.get(3).get("de_adv_risk").isNull()).isTrue();
        CliRunner csv = CliRunner.run("linear", "--n", "40", "--p", "160", "--theory", "--format", "csv");
        assertThat(csv.out().split("\n")[0]).contains("std_risk,de_std_risk,adv_risk,de_adv_risk")
                .contains("norm_l2,de_norm_l2");
    }

    @Test
    void helpDocumentsEveryFlagWithAnExample() {
        CliRunner r = CliRunner.run("theory", "--help");
        assertThat(r.code()).isZero();
        for (String flag : new String[] {"--spectrum", "--p", "--n", "--n-grid", "--b", "--sigma", "--theta", "--lambda",
            "--tradeoff-lambda", "--alpha", "--attack", "--target", "--truncation", "--show", "--format", "Example"}) {
            assertThat(r.out()).contains(flag);
        }
    }

    private static void assertBadInput(String expected, String... args) {
        CliRunner r = CliRunner.run(LinearCommandTest.concat(new String[] {"theory", "--n", "100"}, args));
        assertThat(r.code()).as("exit code for %s: %s", String.join(" ", args), r.err()).isEqualTo(2);
        assertThat(r.err()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().trim().split("\n").length).isLessThanOrEqualTo(2);
    }

    @Test
    void badInputGetsOneLineAndExitCode2() throws IOException {
        Path neg = Files.writeString(dir.resolve("neg.txt"), "1\n-0.5\n");
        assertBadInput("eigenvalue 2 of file:" + neg + " is -0.5; eigenvalues must be finite and >= 0",
                "--spectrum", "file:" + neg);
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        assertBadInput("holds no numbers", "--spectrum", "file:" + empty);
        Path zeros = Files.writeString(dir.resolve("zeros.txt"), "0\n0\n");
        assertBadInput("no positive eigenvalue", "--spectrum", "file:" + zeros);
        assertBadInput("b: 0.0 must be finite and > 0", "--b", "0");
        assertBadInput("b: -1.0 must be finite and > 0", "--b", "-1");
        assertBadInput("lambda: 0 (min-norm) needs more than n=100 positive eigenvalues, but the spectrum has 50",
                "--p", "50", "--lambda", "0");
        assertBadInput("attack: l1 has no deterministic equivalent", "--attack", "l1");
        assertBadInput("p: inf is allowed only for powerlaw", "--p", "inf");
        assertBadInput("infinite trace", "--p", "inf", "--spectrum", "powerlaw:a=1,b=0");
        assertBadInput("p: 'n^x' is not allowed", "--p", "n^x");
        assertBadInput("n-grid: sample sizes must increase", "--n-grid", "400,100");
        assertBadInput("show: unknown section 'foo'", "--show", "foo");
        assertBadInput("truncation: 0 must be >= 1", "--truncation", "0");
        assertBadInput("allowed: table, csv, json", "--format", "xml");
    }
}
