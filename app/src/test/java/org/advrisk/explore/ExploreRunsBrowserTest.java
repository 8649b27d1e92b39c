package org.advrisk.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.advrisk.browser.Browser;
import org.advrisk.report.Figure;
import org.advrisk.report.Figures;
import org.advrisk.report.RunData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** {@code explore --runs DIR}: the page lists the runs and switching draws the other run's figures. */
class ExploreRunsBrowserTest {
    @TempDir
    Path tmp;

    @Test
    void thePickerSwitchesBetweenRuns() throws Exception {
        Path root = tmp.resolve("runs");
        ExploreRunsTest.run(tmp, root.resolve("a"), "20, 40");
        ExploreRunsTest.run(tmp, root.resolve("b"), "20, 40, 80");
        List<Figure> second = Figures.of(RunData.load(root.resolve("b")));
        try (ExploreServer server = ExploreServer.start(0, RunCatalog.scan(root)); Browser b = Browser.start(1400, 1000)) {
            b.driver().get(server.url());
            b.waitFor("window.exploreMore && exploreMore.run.data && exploreMore.run.data.name === 'a'", 60);
            Select pick = new Select(b.driver().findElement(By.id("run-select")));
            assertThat(b.driver().findElement(By.id("run-picker")).isDisplayed()).isTrue();
            assertThat(pick.getOptions().stream().map(o -> o.getText()).toList()).containsExactly("a", "b");
            assertThat(b.driver().findElement(By.id("run-name")).getText()).endsWith("a");
            b.js("document.getElementById('run-figures').scrollIntoView();");
            pick.selectByVisibleText("b");
            b.waitFor("exploreMore.run.data.name === 'b' && Object.keys(exploreMore.run.charts).length === "
                    + second.size(), 60);
            assertThat(b.driver().findElement(By.id("run-name")).getText()).endsWith("b");
            String text = (String) b.js("return document.getElementById('run-charts').innerText;");
            for (Figure f : second) {
                assertThat(text).contains(f.title());
            }
            // the figure of run b on the page has b's three sample sizes (run a had two)
            long points = (Long) b.js("const o = exploreMore.run.charts[arguments[0]].getOption();"
                    + " return Math.max(...o.series.map(s => s.data.length));", second.get(0).id());
            int expected = 0;
            for (Figure.Series s : second.get(0).series()) {
                expected = Math.max(expected, s.x().length);
            }
            assertThat(points).isEqualTo(expected);
            assertThat((Long) b.js("return document.querySelectorAll('#run-charts figure').length;"))
                    .isEqualTo((long) second.size());
            String shot = System.getProperty("explore.runs.screenshot");
            if (shot != null) {
                b.screenshot(Path.of(shot));
            }
        }
    }
}
