package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a running {@code advrisk run} (a separate JVM) followed by a rerun gives exactly the
 * rows of an uninterrupted run: none lost, none duplicated.
 */
class KillResumeTest {
    @TempDir
    Path tmp;

    static final String SPEC = """
            name: killme
            seed: 11
            trials: 8
            n: [80, 120, 160]
            p: "n^2"
            spectrum: "twolevel:spikes=5,spike=1,tail=1"
            theta: "top:k=5,norm=1"
            lambda: [0, 0.01, 0.1]
            alpha: [0.1, 0.3]
            """;

    private Process start(Path spec, Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.advrisk.cli.Main", "run", spec.toString(), "--out", out.toString(), "--threads", "1", "--quiet",
                "--no-report");
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("child-" + out.getFileName() + ".log").toFile());
        return pb.start();
    }

    private static int completeTrials(Path results) throws Exception {
        if (!Files.exists(results)) {
            return 0;
        }
        int n = 0;
        for (String line : Files.readAllLines(results)) {
            // Each trial has 3 λ × 2 α = 6 rows; its last row says row_of_trial 5.
            if (line.contains("\"row_of_trial\":5,")) {
                n++;
            }
        }
        return n;
    }

    @Test
    void sigtermStopsCleanlyKeepsFinishedTrialsAndSaysHowToResume() throws Exception {
        // Process.destroy() sends SIGTERM, which runs the same shutdown hook as Ctrl-C (SIGINT).
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
        Path out = tmp.resolve("term");
        Process p = start(spec, out);
        Path results = out.resolve("results.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (completeTrials(results) < 2 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(p.isAlive()).isTrue();
        p.destroy();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(tmp.resolve("child-term.log"));
        int stored = completeTrials(results);
        assertThat(log).contains("advrisk: interrupted: " + stored + " of 24 trials are stored in " + out
                + "; resume with: ./advrisk run " + spec + " --out " + out);
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"status\" : \"interrupted\"");
        assertThat(Files.readAllLines(results)).hasSize(stored * 6);
        Cli resumed = Cli.run("run", spec.toString(), "--out", out.toString(), "--quiet", "--no-report");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("24 trials (" + stored + " already done");
    }

    @Test
    void killNineThenRerunGivesTheRowsOfAnUninterruptedRun() throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
        Path killed = tmp.resolve("killed");
        Process p = start(spec, killed);
        Path results = killed.resolve("results.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (completeTrials(results) < 3 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(p.isAlive()).as("the run must still be going when it is killed; log: "
                + Files.readString(tmp.resolve("child-killed.log"))).isTrue();
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int before = completeTrials(results);
        assertThat(before).isBetween(3, 23);

        Cli resumed = Cli.run("run", spec.toString(), "--out", killed.toString(), "--threads", "2", "--quiet", "--no-report");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("24 trials (" + before + " already done, " + (24 - before) + " run now)");

        Path clean = tmp.resolve("clean");
        Process q = start(spec, clean);
        assertThat(q.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(q.exitValue()).as(Files.readString(tmp.resolve("child-clean.log"))).isZero();

        List<String> a = Files.readAllLines(killed.resolve("results.jsonl"));
        List<String> b = Files.readAllLines(clean.resolve("results.jsonl"));
        assertThat(a).hasSize(24 * 6).doesNotHaveDuplicates();
        assertThat(new HashSet<>(a)).hasSize(a.size());
        assertThat(a).isEqualTo(b);
        assertThat(Files.readString(killed.resolve("results.csv"))).isEqualTo(Files.readString(clean.resolve("results.csv")));
        assertThat(System.getProperty("java.class.path")).isNotEmpty().doesNotContain(File.pathSeparator + File.pathSeparator);
    }
}
