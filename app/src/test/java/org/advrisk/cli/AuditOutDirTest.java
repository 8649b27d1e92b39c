package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.advrisk.experiment.OutDirLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit --out}: the directory rule of run/reproduce, the lock, inputs never written over (issue 25, HIGH 1). */
class AuditOutDirTest {
    @TempDir
    Path dir;

    private Path table() throws IOException {
        Path f = dir.resolve("t.csv");
        if (!Files.exists(f)) {
            Files.writeString(f, AuditCommandTest.table(40));
        }
        return f;
    }

    static void refused(String expected, String... args) {
        CliRunner r = CliRunner.run(args);
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(expected).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.err().trim().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFinishedRunDirectoryIsNeverReplaced() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        String manifest = "{\"format\": \"advrisk-run/1\", \"spec\": {}, \"status\": \"finished\"}\n";
        Files.writeString(run.resolve("manifest.json"), manifest);
        Files.writeString(run.resolve("results.jsonl"), "{\"trial_key\":\"k\"}\n");
        refused("holds an advrisk run", "audit", "--dataset", "diabetes", "--lambda", "1", "--out", run.toString(), "--quiet");
        assertThat(run.resolve("manifest.json")).hasContent(manifest.trim());
        assertThat(run.resolve("results.jsonl")).hasContent("{\"trial_key\":\"k\"}");
        assertThat(run.resolve("results.csv")).doesNotExist();
    }

    @Test
    void aLockedDirectoryIsRefusedWithNothingWritten() throws IOException {
        Path out = Files.createDirectories(dir.resolve("busy"));
        try (OutDirLock held = OutDirLock.acquire(out)) {
            refused("is in use", "audit", "--dataset", "diabetes", "--lambda", "1", "--out", out.toString(), "--quiet");
        }
        assertThat(out.resolve("results.csv")).doesNotExist();
        // released: the same command now writes, and takes the lock file
        CliRunner r = CliRunner.run("audit", "--dataset", "diabetes", "--lambda", "1", "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("results.csv")).isNotEmptyFile();
        assertThat(out.resolve(".advrisk.lock")).exists();
    }

    @Test
    void theInputTableAndItsFolderAreNeverTheOutput() throws IOException {
        Path data = Files.createDirectories(dir.resolve("mydata"));
        Path f = data.resolve("results.csv");
        String text = AuditCommandTest.table(40);
        Files.writeString(f, text);
        refused("holds the input", "audit", f.toString(), "--target", "y", "--lambda", "1", "--out", data.toString());
        assertThat(f).hasContent(text.trim());
        assertThat(data.resolve("manifest.json")).doesNotExist();
        // the test table and the budget file count as inputs too (compared by real path, through "..")
        Path out = Files.createDirectories(dir.resolve("o"));
        Path test = out.resolve("test.csv");
        Files.writeString(test, text);
        refused("holds the input", "audit", table().toString(), "--target", "y", "--test",
                out.resolve("../o/test.csv").toString(), "--out", out.toString());
        Path budget = out.resolve("budget.csv");
        Files.delete(test);
        Files.writeString(budget, "column,weight\na,1\n");
        refused("holds the input", "audit", table().toString(), "--target", "y", "--budget", budget.toString(),
                "--out", out.toString());
        assertThat(out.resolve("results.csv")).doesNotExist();
    }

    @Test
    void anEmptyOutPathIsRefused() throws IOException {
        refused("--out: the path is empty", "audit", table().toString(), "--target", "y", "--lambda", "1", "--out", "");
    }

    @Test
    void onlyTheSameRequestReplacesAnEarlierAudit() throws IOException {
        Path out = dir.resolve("a");
        String[] first = {"audit", table().toString(), "--target", "y", "--lambda", "0.1,1", "--out", out.toString(), "--quiet"};
        assertThat(CliRunner.run(first).code()).isZero();
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(3);
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"format\" : \"advrisk-audit/1\"", "\"request\"");
        // the same request (another output format) replaces it
        String[] again = first.clone();
        again[again.length - 1] = "--format=csv";
        CliRunner r = CliRunner.run(again);
        assertThat(r.code()).as(r.err()).isZero();
        // another λ grid, or the same file with other content, is refused and leaves the directory as it was
        byte[] before = Files.readAllBytes(out.resolve("results.csv"));
        refused("holds an audit of another request (lambda", "audit", table().toString(), "--target", "y", "--lambda", "1",
                "--out", out.toString());
        Files.writeString(table(), AuditCommandTest.table(41));
        refused("holds an audit of another request (file", first);
        assertThat(Files.readAllBytes(out.resolve("results.csv"))).isEqualTo(before);
    }

    @Test
    void gradientFlowTimesArePartOfTheRequest() throws IOException {
        Path out = dir.resolve("gf");
        String[] first = {"audit", table().toString(), "--target", "y", "--lambda", "0.1,1", "--estimator", "ridge,gf",
                "--time", "1,10", "--out", out.toString(), "--quiet"};
        CliRunner r = CliRunner.run(first);
        assertThat(r.code()).as(r.err()).isZero();
        byte[] before = Files.readAllBytes(out.resolve("results.csv"));
        refused("holds an audit of another request (time", "audit", table().toString(), "--target", "y", "--lambda",
                "0.1,1", "--estimator", "ridge,gf", "--time", "1,100", "--out", out.toString());
        assertThat(Files.readAllBytes(out.resolve("results.csv"))).isEqualTo(before);
    }

    @Test
    void aForeignNonEmptyDirectoryIsRefusedAnEmptyOneAccepted() throws IOException {
        Path foreign = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(foreign.resolve("cat.jpg"), "meow");
        refused("is not empty and holds no advrisk audit", "audit", table().toString(), "--target", "y", "--out", foreign.toString());
        assertThat(foreign.resolve("results.csv")).doesNotExist();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRunner r = CliRunner.run("audit", table().toString(), "--target", "y", "--lambda", "1", "--out", empty.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(empty.resolve("report.html")).isNotEmptyFile();
        try (var s = Files.list(empty)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        // run refuses an audit directory in turn (its manifest is not a run's)
        Path spec = dir.resolve("s.yaml");
        Files.writeString(spec, "n: [20]\np: [10]\nspectrum: isotropic\n");
        CliRunner run = CliRunner.run("run", spec.toString(), "--out", empty.toString(), "--quiet");
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(empty.resolve("results.csv")).isNotEmptyFile();
    }
}
