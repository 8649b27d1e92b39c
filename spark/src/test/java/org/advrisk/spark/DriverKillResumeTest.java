package org.advrisk.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.advrisk.experiment.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a Spark driver (a child JVM running {@code advrisk run … --engine spark --master
 * local[1]}) mid-sweep, then a rerun on Spark: the trials stored before the kill are skipped, the
 * rest run, and results.jsonl is byte-identical to an uninterrupted local run.
 */
class DriverKillResumeTest {
    @TempDir
    Path tmp;

    static final String SPEC = """
            name: kill-the-driver
            seed: 13
            trials: 6
            n: [150, 200]
            p: "40*n"
            spectrum: "powerlaw:a=1,b=1"
            theta: "top:k=3,norm=1"
            lambda: [0, 0.01]
            alpha: [0.1, 0.3]
            """;

    private static int completeTrials(Path results) throws Exception {
        if (!Files.exists(results)) {
            return 0;
        }
        int n = 0;
        for (String line : Files.readAllLines(results)) {
            // 2 λ × 2 α = 4 rows a trial; the last says row_of_trial 3.
            if (line.contains("\"row_of_trial\":3,")) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aKilledDriverResumesLikeALocalRun() throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
        Path killed = tmp.resolve("killed");
        Path log = tmp.resolve("child.log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("@" + Path.of("jvm.options").toAbsolutePath());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(List.of("org.advrisk.cli.Main", "run", spec.toString(), "--out", killed.toString(), "--quiet",
                "--no-report", "--engine", "spark", "--master", "local[1]"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Path results = killed.resolve(ResultStore.RESULTS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (completeTrials(results) < 2 && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(p.isAlive()).as("the driver must still be running when it is killed; log: " + Files.readString(log))
                    .isTrue();
            p.destroyForcibly(); // SIGKILL: no shutdown hook, Spark dies with its driver
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        int before = completeTrials(killed.resolve(ResultStore.RESULTS));
        assertThat(before).isBetween(2, 11);

        Fixtures.Cli resumed = Fixtures.Cli.run("run", spec.toString(), "--out", killed.toString(), "--quiet",
                "--no-report", "--engine", "spark", "--master", "local[2]");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("12 trials (" + before + " already done, " + (12 - before) + " run now)");

        Path clean = tmp.resolve("clean");
        Fixtures.runLocally(Fixtures.spec(SPEC), clean, 2);
        assertThat(Files.readAllBytes(killed.resolve(ResultStore.RESULTS)))
                .isEqualTo(Files.readAllBytes(clean.resolve(ResultStore.RESULTS)));
        Fixtures.assertSameBits(ResultStore.readRows(killed), ResultStore.readRows(clean));
    }
}
