package org.advrisk.explore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.advrisk.cli.Main;
import org.advrisk.report.Figure;
import org.advrisk.report.Figures;
import org.advrisk.report.RunData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explore --run DIR} serves the run's figure data, the same records the report draws. */
class ExploreFiguresTest {
    @TempDir
    Path tmp;

    @Test
    void theExplorerServesTheFigureDataOfARunDirectory() throws Exception {
        Path spec = tmp.resolve("s.yaml");
        Files.writeString(spec, "n: [20, 40]\np: \"n^1.5\"\nspectrum: \"twolevel:spikes=3,spike=1,tail=1\"\n"
                + "theta: \"top:k=3,norm=1\"\nlambda: 0\nalpha: 0.2\ntrials: 2\n");
        Path dir = tmp.resolve("run");
        assertThat(Main.commandLine().execute("run", spec.toString(), "--out", dir.toString(), "--no-report",
                "--quiet")).isZero();
        List<Figure> expected = Figures.of(RunData.load(dir));
        try (ExploreServer server = ExploreServer.start(0, dir)) {
            Http.Answer a = Http.get("http://" + ExploreServer.HOST + ":" + server.port(), "/api/figures");
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            JsonNode figs = a.json().get("figures");
            List<String> ids = new ArrayList<>();
            figs.forEach(f -> ids.add(f.get("id").asText()));
            assertThat(ids).isEqualTo(expected.stream().map(Figure::id).toList()).contains("risk-vs-n");
            JsonNode risk = figs.get(0).get("series");
            Figure.Series first = expected.get(0).series().get(0);
            assertThat(risk.get(0).get("name").asText()).isEqualTo(first.name());
            for (int i = 0; i < first.y().length; i++) {
                assertThat(risk.get(0).get("y").get(i).asDouble()).isEqualTo(first.y()[i]);
            }
            long references = 0;
            for (JsonNode s : risk) {
                references += s.get("role").asText().equals("reference") ? 1 : 0;
            }
            assertThat(references).isEqualTo(expected.get(0).references().size()).isPositive();
        }
        try (ExploreServer plain = ExploreServer.start(0)) {
            Http.Answer a = Http.get("http://" + ExploreServer.HOST + ":" + plain.port(), "/api/figures");
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.json().get("field").asText()).isEqualTo("run");
        }
    }
}
