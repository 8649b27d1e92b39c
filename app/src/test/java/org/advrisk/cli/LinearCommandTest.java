package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code advrisk linear}: output shape, thread-independence and every bad-input message. */
class LinearCommandTest {
    @TempDir
    Path dir;

    @Test
    void csvHasTheDocumentedColumnsAndOneRowPerCombination() {
        CliRunner r = CliRunner.run("linear", "--n", "30", "--p", "90", "--lambda", "0,logspace:-3,0,2",
                "--alpha", "0.1,0.2", "--attack", "l2,linf", "--target", "clean,noisy", "--trials", "2", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().trim().split("\n");
        assertThat(lines[0]).startsWith("trial,seed,n,p,lambda,alpha,attack,target,design,std_risk,adv_risk,adv_risk_se,"
                + "gt_adv_risk,norm_l2,norm_dual,alpha_c,train_mse");
        // 2 trials × 3 λ × 2 attacks × 2 targets × 2 α
        assertThat(lines).hasSize(1 + 2 * 3 * 2 * 2 * 2);
    }

    @Test
    void threadsOneAndTwoGiveIdenticalOutput() {
        String[] base = {"linear", "--spectrum", "powerlaw:a=1,b=2", "--n", "64", "--p", "5000", "--lambda",
            "0,0.01", "--attack", "l2,linf,l1", "--design", "rademacher", "--test-size", "500", "--format", "json"};
        for (String trials : new String[] {"1", "3"}) {
            CliRunner one = CliRunner.run(concat(base, "--trials", trials, "--threads", "1"));
            CliRunner two = CliRunner.run(concat(base, "--trials", trials, "--threads", "2"));
            assertThat(one.code()).as(one.err()).isZero();
            assertThat(two.out()).isEqualTo(one.out());
        }
    }

    @Test
    void helpDocumentsEveryFlagWithAnExample() {
        CliRunner r = CliRunner.run("linear", "--help");
        assertThat(r.code()).isZero();
        for (String flag : new String[] {"--spectrum", "--p", "--n", "--sigma", "--noise", "--design", "--theta",
            "--lambda", "--alpha", "--attack", "--target", "--trials", "--seed", "--threads", "--format", "Example"}) {
            assertThat(r.out()).contains(flag);
        }
    }

    private void assertBadInput(String expected, String... args) {
        CliRunner r = CliRunner.run(concat(new String[] {"linear", "--n", "20", "--p", "40"}, args));
        assertThat(r.code()).as("exit code for %s", String.join(" ", args)).isEqualTo(2);
        assertThat(r.err()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().trim().split("\n").length).isLessThanOrEqualTo(2);
    }

    @Test
    void badInputGetsOneLineAndExitCode2() throws IOException {
        assertBadInput("allowed: isotropic, powerlaw", "--spectrum", "zipf");
        assertBadInput("allowed: l2, linf, l1, lp:P", "--attack", "l3");
        assertBadInput("n: 0 is not allowed; allowed: an integer >= 1", "--n", "0");
        assertBadInput("n: -5 is not allowed; allowed: an integer >= 1", "--n", "-5");
        assertBadInput("sigma: -1 is not allowed; allowed: >= 0, at most 1.0E50", "--sigma", "-1");
        assertBadInput("alpha: -0.1 is not allowed; allowed: >= 0", "--alpha", "-0.1");
        assertBadInput("lambda: -1 is not allowed; allowed: >= 0", "--lambda", "-1");
        assertBadInput("lambda: 'abc' is not a number", "--lambda", "abc");
        assertBadInput("allowed: clean, consistent, noisy", "--target", "robust");
        assertBadInput("allowed: gaussian, rademacher", "--design", "uniform");
        assertBadInput("allowed: table, csv, json", "--format", "xml");
        Path eig = Files.writeString(dir.resolve("eig.txt"), "1\n0.5\n0.25\n");
        assertBadInput("p: 40 is larger than the 3 eigenvalues", "--spectrum", "file:" + eig);
        Path bad = Files.writeString(dir.resolve("bad.txt"), "1\n0.5\nfoo\n");
        assertBadInput("line 3: 'foo' is not a number", "--spectrum", "file:" + bad);
        Path nan = Files.writeString(dir.resolve("nan.txt"), "1\nNaN\n");
        assertBadInput("line 2: 'NaN' is not a finite number", "--spectrum", "file:" + nan);
        Path neg = Files.writeString(dir.resolve("neg.txt"), "1\n-0.5\n");
        assertBadInput("eigenvalue 2 of file:" + neg + " is -0.5", "--spectrum", "file:" + neg, "--p", "2");
        assertBadInput("cannot read file", "--spectrum", "file:" + dir.resolve("missing.txt"));
        assertBadInput("unknown parameter 'c' for 'powerlaw'", "--spectrum", "powerlaw:a=1,c=2");
        assertBadInput("theta: k=50 exceeds p=40", "--theta", "top:k=50,norm=1");
        assertBadInput("trials: 0 is not allowed; allowed: an integer from 1 to 1000000", "--trials", "0");
        assertBadInput("threads: 0 must be >= 1", "--threads", "0");
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
