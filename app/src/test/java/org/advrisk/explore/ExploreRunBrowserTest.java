package org.advrisk.explore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.advrisk.browser.Browser;
import org.advrisk.cli.Main;
import org.advrisk.report.Figure;
import org.advrisk.report.Figures;
import org.advrisk.report.Reports;
import org.advrisk.report.RunData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explore --run DIR} draws every figure of the run (the report's series) and shows its verdicts. */
class ExploreRunBrowserTest {
    @TempDir
    Path tmp;

    @Test
    void theExplorerDrawsEveryFigureOfTheRunWithItsTitleAndTheVerdicts() throws Exception {
        Path spec = tmp.resolve("s.yaml");
        Files.writeString(spec, "n: [20, 40, 80]\np: \"n^1.5\"\nspectrum: \"twolevel:spikes=3,spike=1,tail=1\"\n"
                + "theta: \"top:k=3,norm=1\"\nlambda: [0, 0.01, 0.1, 1]\nalpha: 0.2\ntrials: 3\n");
        Path dir = tmp.resolve("run");
        assertThat(Main.commandLine().execute("run", spec.toString(), "--out", dir.toString(), "--no-report",
                "--quiet")).isZero();
        RunData data = RunData.load(dir);
        List<Figure> expected = Figures.of(data);
        int verdicts = Reports.checks(data).size();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(4);
        assertThat(verdicts).isPositive();
        try (ExploreServer server = ExploreServer.start(0, dir); Browser b = Browser.start(1400, 1000)) {
            b.driver().get(server.url());
            b.waitFor("window.exploreMore && exploreMore.run.data && Object.keys(exploreMore.run.charts).length === "
                    + expected.size(), 60);
            String text = (String) b.js("return document.body.innerText;");
            ObjectMapper json = new ObjectMapper();
            for (Figure f : expected) {
                assertThat(text).as("title of " + f.id()).contains(f.title());
                JsonNode drawn = json.readTree((String) b.js("return JSON.stringify(exploreMore.run.charts[arguments[0]]"
                        + ".getOption().series.map(s => ({name: s.name, n: s.data.length})));", f.id()));
                // every series with a value the axis can show is drawn, with all its points (error bars apart)
                for (Figure.Series s : f.series()) {
                    int shown = 0;
                    for (int i = 0; i < s.x().length; i++) {
                        boolean ok = Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])
                                && (!f.x().log() || s.x()[i] > 0) && (!f.y().log() || s.y()[i] > 0);
                        shown += ok ? 1 : 0;
                    }
                    if (shown == 0) {
                        continue;
                    }
                    JsonNode match = null;
                    for (JsonNode d : drawn) {
                        if (d.get("name").asText().equals(s.name())) {
                            match = d;
                            break;
                        }
                    }
                    assertThat(match).as(f.id() + ": " + s.name()).isNotNull();
                    assertThat(match.get("n").asInt()).as(f.id() + ": " + s.name()).isEqualTo(shown);
                }
                // painted: the canvas is not blank
                Boolean painted = (Boolean) b.js("const c = document.querySelector('#run-' + CSS.escape(arguments[0])"
                        + " + ' canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + " for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && d[i] < 200) return true; }"
                        + " return false;", f.id());
                assertThat(painted).as(f.id() + " painted").isTrue();
            }
            assertThat((Long) b.js("return document.querySelectorAll('#run-verdicts .badge').length;"))
                    .isEqualTo((long) verdicts);
            String shot = System.getProperty("explore.run.screenshot");
            if (shot != null) {
                b.js("document.getElementById('run-figures').scrollIntoView();");
                b.screenshot(Path.of(shot));
            }
        }
    }
}
