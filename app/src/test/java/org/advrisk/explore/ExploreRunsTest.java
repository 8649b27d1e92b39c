package org.advrisk.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.advrisk.cli.Main;
import org.advrisk.report.Figure;
import org.advrisk.report.Figures;
import org.advrisk.report.RunData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explore --runs DIR}: the runs found under DIR, each one's figures by name, and nothing else. */
class ExploreRunsTest {
    @TempDir
    Path tmp;

    /** Writes a small run of advrisk run with this n grid into dir. */
    static void run(Path tmp, Path dir, String n) throws Exception {
        Path spec = tmp.resolve("s-" + n.replace(',', '-').replace(" ", "") + ".yaml");
        Files.writeString(spec, "n: [" + n + "]\np: \"n^1.5\"\nspectrum: \"twolevel:spikes=3,spike=1,tail=1\"\n"
                + "theta: \"top:k=3,norm=1\"\nlambda: [0, 0.01, 0.1, 1]\nalpha: 0.2\ntrials: 2\n");
        assertThat(Main.commandLine().execute("run", spec.toString(), "--out", dir.toString(), "--no-report",
                "--quiet")).isZero();
    }

    @Test
    void listsTheRunsUnderDirAndServesEachOnesFiguresAndNothingElse() throws Exception {
        Path root = tmp.resolve("runs");
        run(tmp, root.resolve("first"), "20, 40");
        run(tmp, root.resolve("repro").resolve("part-b"), "20, 40, 80");
        Files.createDirectories(root.resolve("empty"));
        Files.writeString(root.resolve("notes.txt"), "not a run");
        try (ExploreServer server = ExploreServer.start(0, RunCatalog.scan(root))) {
            String base = "http://" + ExploreServer.HOST + ":" + server.port();
            Http.Answer list = Http.get(base, "/api/runs");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().get("runs").toString()).isEqualTo("[\"first\",\"repro/part-b\"]");
            assertThat(Http.get(base, "/api/run").json().get("run").asBoolean()).isTrue();
            for (String name : List.of("first", "repro/part-b")) {
                Path dir = root.resolve(name);
                List<Figure> expected = Figures.of(RunData.load(dir));
                Http.Answer a = Http.get(base, "/api/figures?run=" + Http.enc(name));
                assertThat(a.status()).as(a.body()).isEqualTo(200);
                JsonNode figs = a.json().get("figures");
                assertThat(a.json().get("name").asText()).isEqualTo(name);
                assertThat(a.json().get("run").asText()).isEqualTo(dir.toString());
                assertThat(figs).hasSize(expected.size());
                for (int i = 0; i < expected.size(); i++) {
                    assertThat(figs.get(i).get("id").asText()).isEqualTo(expected.get(i).id());
                }
            }
            // the two runs differ: the second has three sample sizes, so its figures carry more points
            assertThat(Http.get(base, "/api/figures?run=first").body())
                    .isNotEqualTo(Http.get(base, "/api/figures?run=repro%2Fpart-b").body());
            // no parameter: the first run
            assertThat(Http.get(base, "/api/figures").json().get("name").asText()).isEqualTo("first");
            for (String bad : List.of("x", "../x", "empty", "repro", "repro/../first", root.resolve("first").toString(),
                    "/etc", "first/")) {
                Http.Answer a = Http.get(base, "/api/figures?run=" + Http.enc(bad));
                assertThat(a.status()).as(bad).isEqualTo(404);
                assertThat(a.json().get("field").asText()).isEqualTo("run");
                assertThat(a.json().get("message").asText()).startsWith("run: '" + bad + "' is not one of the 2 runs")
                        .contains("first, repro/part-b");
            }
            Http.Answer other = Http.get(base, "/api/figures?path=first");
            assertThat(other.status()).isEqualTo(400);
            assertThat(other.json().get("field").asText()).isEqualTo("path");
        }
    }

    @Test
    void aDirectoryWithoutRunsIsRefusedNamingTheFlag() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("none"));
        assertThatThrownBy(() -> RunCatalog.scan(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("runs: no run directory (one with manifest.json and results.jsonl)");
        ExploreApiTest.Cli cli = ExploreApiTest.Cli.run("explore", "--port", "0", "--runs", empty.toString());
        assertThat(cli.code()).isEqualTo(2);
        assertThat(cli.err()).contains("runs: no run directory");
        ExploreApiTest.Cli both = ExploreApiTest.Cli.run("explore", "--port", "0", "--runs", empty.toString(), "--run",
                empty.toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("runs: give --run DIR (one run) or --runs DIR");
    }

    @Test
    void withoutRunsTheFiguresAreRefused() {
        try (ExploreServer server = ExploreServer.start(0)) {
            String base = "http://" + ExploreServer.HOST + ":" + server.port();
            assertThat(Http.get(base, "/api/runs").json().get("runs")).isEmpty();
            Http.Answer a = Http.get(base, "/api/figures?run=x");
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.json().get("field").asText()).isEqualTo("run");
        }
    }
}
