package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit} with extreme values and heavy requests (issue 25, MEDIUM 7 and 9) and hostile file
 * contents (LOW 10): one line, exit 2, nothing written, the same caps and messages as the other commands.
 */
class AuditLimitsTest {
    @TempDir
    Path dir;

    /** 40 rows a, b, y = a + b + noise, with column {@code scaled} multiplied by {@code factor}. */
    private Path table(String name, String scaled, double factor) throws IOException {
        StringBuilder b = new StringBuilder("a,b,y\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 40; i++) {
            double a = r.nextGaussian();
            double c = r.nextGaussian();
            double y = a + c + r.nextGaussian();
            b.append(scaled.equals("a") ? a * factor : a).append(',').append(c).append(',')
                    .append(scaled.equals("y") ? y * factor : y).append('\n');
        }
        Path f = dir.resolve(name);
        Files.writeString(f, b.toString());
        return f;
    }

    private void refusedNothingWritten(String expected, String... args) {
        AuditOutDirTest.refused(expected, args);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void cellsOf1e300AreRefusedNamingTheOverflowNotAConstantOrALapackFailure() throws IOException {
        String out = dir.resolve("out").toString();
        refusedNothingWritten("feature 'a': values too large for double precision",
                "audit", table("a.csv", "a", 1e300).toString(), "--target", "y", "--out", out);
        refusedNothingWritten("target: 'y': values too large for double precision",
                "audit", table("y.csv", "y", 1e300).toString(), "--target", "y", "--out", out);
        refusedNothingWritten("feature 'a': values too large for double precision",
                "audit", dir.resolve("a.csv").toString(), "--target", "y", "--map", "relu:m=5", "--out", out);
    }

    @Test
    void anInfiniteRiskFromFiniteStatisticsIsRefusedBeforeAnythingIsWritten() throws IOException {
        // x ~ 1e-100 and y ~ 1e100: the Gram is finite, θ̂ ~ 1e200, and α‖θ̂‖ squared overflows
        Path f = dir.resolve("tiny.csv");
        StringBuilder b = new StringBuilder("a,y\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < 30; i++) {
            double a = r.nextGaussian();
            b.append(a * 1e-100).append(',').append((a + 0.1 * r.nextGaussian()) * 1e100).append('\n');
        }
        Files.writeString(f, b.toString());
        refusedNothingWritten("values too large for double precision: adv_test_mse is Infinity",
                "audit", f.toString(), "--target", "y", "--standardize", "off", "--lambda", "0", "--alpha", "1",
                "--out", dir.resolve("out").toString());
    }

    @Test
    void lambdaAlphaAndBudgetWeightsHaveTheCapsOfTheOtherCommands() throws IOException {
        Path f = table("t.csv", "none", 1);
        for (String[] flag : new String[][] {{"--lambda", "1e60"}, {"--alpha", "1e300"}, {"--lambda", "-1"}}) {
            CliRunner linear = CliRunner.run("linear", "--n", "20", "--p", "40", flag[0], flag[1]);
            CliRunner audit = CliRunner.run("audit", f.toString(), "--target", "y", flag[0], flag[1]);
            assertThat(linear.code()).isEqualTo(2);
            assertThat(audit.code()).as(audit.err()).isEqualTo(2);
            assertThat(audit.err()).isEqualTo(linear.err());
        }
        Path budget = dir.resolve("b.csv");
        Files.writeString(budget, "column,weight\na,1e300\n");
        refusedNothingWritten("weight '1e300' is not allowed; allowed: finite and >= 0, at most 1.0E50",
                "audit", f.toString(), "--target", "y", "--budget", budget.toString());
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard: before the fix these ran for hours
    void heavyRequestsAreRefusedUpFrontNamingTheFlag() throws IOException {
        refusedNothingWritten("repeats: 100000 splits, more than the 10000 allowed",
                "audit", "--dataset", "diabetes", "--repeats", "100000", "--out", dir.resolve("out").toString());
        refusedNothingWritten("pgd-steps: 1000000000 makes the audit about",
                "audit", "--dataset", "diabetes", "--map", "relu:m=10", "--pgd-steps", "1000000000");
        CliRunner r = CliRunner.run("audit", "--dataset", "diabetes", "--map", "relu:m=10", "--pgd-steps", "1000000000");
        long fit = Long.parseLong(r.err().replaceAll("(?s).*the largest --pgd-steps that fits is (\\d+).*", "$1").trim());
        assertThat(fit).isBetween(1L, 1_000_000_000L);
        refusedNothingWritten("the audit would hold",
                "audit", "--dataset", "diabetes", "--repeats", "10000", "--lambda", "logspace:-6,2,5000", "--alpha",
                "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1");
    }

    @Test
    void aBudgetFileWithoutHeaderIsRefusedNotShortenedByItsFirstRow() throws IOException {
        Path f = table("t.csv", "none", 1);
        Path budget = dir.resolve("nohead.csv");
        Files.writeString(budget, "a,0\nb,2\n");
        refusedNothingWritten("the first line 'a,0' is a feature and a weight, not a header",
                "audit", f.toString(), "--target", "y", "--budget", budget.toString());
    }

    @Test
    void controlCharactersAndHugeValuesFromFilesAreEscapedAndCut() throws IOException {
        Path f = table("t.csv", "none", 1);
        String huge = "x".repeat(1 << 20);
        Path longName = dir.resolve("long.csv");
        Files.writeString(longName, "column,weight\n" + huge + ",1\n");
        CliRunner r = CliRunner.run("audit", f.toString(), "--target", "y", "--budget", longName.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().length()).as(r.err().substring(0, Math.min(400, r.err().length()))).isLessThan(2000);
        assertThat(r.err()).contains("unknown feature 'xxx").contains("…(1048576 characters)");
        // a non-numeric column whose name is an escape sequence and a megabyte: the note is escaped and cut
        String csv = Files.readString(f);
        Path named = dir.resolve("named.csv");
        Files.writeString(named, csv.replaceFirst("\n", ",c\u001b[2J" + huge + "\n").replace("\n", ",word\n")
                .replaceFirst(",word\n", "\n"));
        CliRunner note = CliRunner.run("audit", named.toString(), "--target", "y", "--lambda", "1");
        assertThat(note.code()).as(note.err().substring(0, Math.min(400, note.err().length()))).isZero();
        assertThat(note.err()).contains("non-numeric columns left out: c\\u001b[2Jxxx").doesNotContain("\u001b");
        assertThat(note.err().length()).isLessThan(2000);
        CliRunner esc = CliRunner.run("audit", f.toString(), "--target", "y\u001b[2J\u0007\nz");
        assertThat(esc.code()).isEqualTo(2);
        assertThat(esc.err()).doesNotContain("\u001b").doesNotContain("\u0007").contains("\\u001b[2J\\u0007\\nz");
        assertThat(esc.err().trim().lines().count()).isEqualTo(1);
        Path budget = dir.resolve("ctl.csv");
        Files.writeString(budget, "column,weight\na,\"1\u001b]0;pwned\u0007\"\n");
        CliRunner b = CliRunner.run("audit", f.toString(), "--target", "y", "--budget", budget.toString());
        assertThat(b.code()).isEqualTo(2);
        assertThat(b.err()).doesNotContain("\u001b").contains("\\u001b]0;pwned");
    }
}
