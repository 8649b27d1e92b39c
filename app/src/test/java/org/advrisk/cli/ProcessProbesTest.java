package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The low findings of issue 25 about messages and special files: each failed before (a report that
 * hung on a FIFO, a hint without {@code ./}, an error naming the wrong flag or the wrong bound).
 */
class ProcessProbesTest {
    @TempDir
    Path tmp;

    private static void oneLineError(Cli r, String contains) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("advrisk: error: ").contains(contains).doesNotContain("\tat ")
                .doesNotContain("Exception");
        assertThat(r.err().strip().lines().count()).as(r.err()).isLessThanOrEqualTo(2);
    }

    @Test
    void theoryNamesTheRuleOfSampleSizes() {
        oneLineError(Cli.run("theory", "--n-grid", "-5"), "n-grid: -5 must be an integer sample size between 1 and");
        oneLineError(Cli.run("theory", "--n-grid", "100,2.5"), "n-grid: 2.5 must be an integer sample size");
    }

    @Test
    void ntkNamesDWhenTheSpectrumFileIsTooShort() throws Exception {
        Path eig = tmp.resolve("eig.txt");
        Files.writeString(eig, "1\n0.5\n0.25\n0.125\n", StandardCharsets.UTF_8);
        Cli r = Cli.run("ntk", "--d", "40", "--n", "20", "--spectrum", "file:" + eig);
        oneLineError(r, "d: 40 is larger than the 4 eigenvalues in file:");
        assertThat(r.err()).doesNotContain("p: 40");
    }

    @Test
    void resumeHintIsWhatUsersTypeAndSurvivesTheShell() {
        assertThat(ResumeHint.of("run", "specs/s.yaml", "--out", "runs/r"))
                .isEqualTo("./advrisk run specs/s.yaml --out runs/r");
        assertThat(ResumeHint.of("run", "my spec.yaml", "--out", "it's"))
                .isEqualTo("./advrisk run 'my spec.yaml' --out 'it'\\''s'");
    }

    @Test
    void reportRefusesAFifoInsteadOfHanging() throws Exception {
        Path spec = tmp.resolve("s.yaml");
        Files.writeString(spec, RobustnessTest.SPEC, StandardCharsets.UTF_8);
        Path run = tmp.resolve("run");
        Cli ok = Cli.run("run", spec.toString(), "--out", run.toString(), "--quiet", "--no-report");
        assertThat(ok.code()).as(ok.err()).isZero();
        Path results = run.resolve("results.jsonl");
        Files.delete(results);
        Process mk = new ProcessBuilder("mkfifo", results.toString()).redirectErrorStream(true).start();
        assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
        Cli r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("report", run.toString()),
                "report hung on a FIFO results.jsonl");
        oneLineError(r, "results.jsonl is not a regular file");
    }
}
