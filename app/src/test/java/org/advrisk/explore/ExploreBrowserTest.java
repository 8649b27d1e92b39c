package org.advrisk.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.advrisk.experiment.Spec;
import org.advrisk.experiment.SpecReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser: Debian's chromium driven headless by chromedriver (Selenium), against a
 * server on a free port. Skipped, with a message, only when chromium or chromedriver is missing
 * outside CI ({@code .ci/run} installs both). With {@code -Dexplore.screenshot=PATH} it also saves
 * the screenshot shown in the README (docs/explore.png).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExploreBrowserTest {
    private static ExploreServer server;
    private static ChromeDriverService service;
    private static ChromeDriver driver;
    private static Path profile;
    private static Path downloads;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Console errors that a step expects (the 400 answers of the invalid-value step). */
    private static final List<String> expectedErrors = new ArrayList<>();

    static Path find(String name, String... candidates) {
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) {
                Path c = Path.of(d, name);
                if (Files.isExecutable(c)) {
                    return c;
                }
            }
        }
        return null;
    }

    @BeforeAll
    static void start() throws Exception {
        Path chromium = find("chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path chromedriver = find("chromedriver", "/usr/bin/chromedriver");
        if (chromium == null || chromedriver == null) {
            String what = (chromium == null ? "chromium " : "") + (chromedriver == null ? "chromedriver" : "");
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + what.trim() + " is missing (.ci/run installs chromium and chromium-driver):"
                        + " the browser test cannot be skipped in CI");
            }
            Assumptions.abort("browser test skipped: " + what.trim() + " not installed"
                    + " (apt-get install -y chromium chromium-driver)");
        }
        profile = Files.createTempDirectory("advrisk-explore-chromium");
        downloads = Files.createTempDirectory("advrisk-explore-downloads");
        server = ExploreServer.start(0);
        try {
            System.setProperty("webdriver.chrome.driver", chromedriver.toString());
            service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort()
                    .build();
            ChromeOptions o = new ChromeOptions();
            o.setBinary(chromium.toFile());
            o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile, "--window-size=1500,1150");
            o.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            o.setCapability(ChromeOptions.LOGGING_PREFS, logs);
            driver = new ChromeDriver(service, o);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            try {
                if (service != null) {
                    service.stop();
                }
            } finally {
                if (server != null) {
                    server.close();
                }
                for (Path d : new Path[] {profile, downloads}) {
                    if (d != null) {
                        try (var s = Files.walk(d)) {
                            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                        }
                    }
                }
            }
        }
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static JsonNode jsJson(String expression) throws Exception {
        return JSON.readTree((String) js("return JSON.stringify(" + expression + ");"));
    }

    private static void waitFor(String condition, int seconds) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(d -> Boolean.TRUE.equals(js("return !!(" + condition + ");")));
    }

    /** Waits for the page to have drawn a view of its current parameters. */
    private static void waitForView() {
        waitFor("window.explore && explore.state.view && explore.state.params"
                + " && JSON.stringify(explore.state.params) === JSON.stringify((function(){"
                + "  const u = new URLSearchParams(location.search); const q = {};"
                + "  for (const k of Object.keys(explore.state.params)) q[k] = u.get(k); return q; })())", 30);
    }

    private static JsonNode series(String chart, String name) throws Exception {
        JsonNode all = jsJson("explore.charts." + chart + ".getOption().series.map(s => ({name: s.name, data: s.data}))");
        for (JsonNode s : all) {
            if (s.get("name").asText().equals(name)) {
                return s.get("data");
            }
        }
        return null;
    }

    private static Map<String, String> pageParams() throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        JsonNode p = jsJson("explore.state.params");
        for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            m.put(k, p.get(k).asText());
        }
        return m;
    }

    private static JsonNode api(Map<String, String> params) {
        Http.Answer a = Http.get("http://127.0.0.1:" + server.port(), "/api/theory?" + Http.query(params));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    /** Runs a command the page shows (advrisk ... --flag value ...) in-process, asking for JSON. */
    private static JsonNode runShown(String id) throws Exception {
        String text = driver.findElement(By.id(id)).getText().trim();
        assertThat(text).startsWith("advrisk ");
        List<String> args = new ArrayList<>();
        for (String t : text.substring("advrisk ".length()).split("\\s+")) {
            args.add(t.startsWith("'") && t.endsWith("'") ? t.substring(1, t.length() - 1) : t);
        }
        int f = args.indexOf("--format");
        if (f >= 0) {
            args.set(f + 1, "json");
        } else {
            args.add("--format");
            args.add("json");
        }
        ExploreApiTest.Cli cli = ExploreApiTest.Cli.run(args.toArray(String[]::new));
        assertThat(cli.code()).as(text + "\n" + cli.err()).isZero();
        return JSON.readTree(cli.out());
    }

    private static void type(String id, String value) {
        WebElement e = driver.findElement(By.id(id));
        // select all and type over it (clear() would fire a change with an empty value first)
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
    }

    /** Severe console entries not expected by a step. */
    private static List<String> consoleErrors() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                String m = e.getMessage();
                if (expectedErrors.stream().noneMatch(m::contains)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    @Test
    @Order(1)
    void thePageDrawsTheTheoryOfItsPoint() throws Exception {
        driver.get(server.url());
        waitForView();
        JsonNode v = api(pageParams());
        JsonNode adv = series("a", "R_α (adversarial)");
        JsonNode std = series("a", "R (standard)");
        JsonNode path = v.get("path");
        List<double[]> expected = new ArrayList<>();
        for (int i = 0; i < path.get("lambda").size(); i++) {
            if (path.get("lambda").get(i).asDouble() > 0) {
                expected.add(new double[] {path.get("lambda").get(i).asDouble(), path.get("std_risk").get(i).asDouble(),
                        path.get("adv_risk").get(i).asDouble()});
            }
        }
        assertThat(adv).hasSize(expected.size()).hasSizeGreaterThan(100);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(adv.get(i).get(0).asDouble()).isEqualTo(expected.get(i)[0]);
            assertThat(std.get(i).get(1).asDouble()).isEqualTo(expected.get(i)[1]);
            assertThat(adv.get(i).get(1).asDouble()).isEqualTo(expected.get(i)[2]);
        }
        // The curve is `advrisk theory --show de` of the command the page shows; the page's path is
        // evaluated with warm-started Newton, the command's rows start cold: both stop at a relative
        // correction of 1e-14, so they agree to 1e-12 relative.
        JsonNode cli = runShown("command-path");
        List<JsonNode> rows = new ArrayList<>();
        cli.get("de").forEach(r -> {
            if (r.get("lambda").asDouble() > 0) {
                rows.add(r);
            }
        });
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            double a = rows.get(i).get("adv_risk").asDouble();
            assertThat(adv.get(i).get(1).asDouble()).isCloseTo(a, within(1e-12 * a));
        }
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    @Order(2)
    void movingTheAlphaSliderRedrawsWithTheApisTheoryForTheNewPoint() throws Exception {
        JsonNode before = series("a", "R_α (adversarial)");
        String alphaBefore = driver.findElement(By.id("alpha")).getAttribute("value");
        WebElement slider = driver.findElement(By.id("alpha-slider"));
        slider.click();
        for (int i = 0; i < 15; i++) {
            slider.sendKeys(Keys.ARROW_RIGHT);
        }
        String alpha = driver.findElement(By.id("alpha")).getAttribute("value");
        assertThat(alpha).isNotEqualTo(alphaBefore);
        waitForView();
        assertThat(pageParams().get("alpha")).isEqualTo(alpha);
        JsonNode after = series("a", "R_α (adversarial)");
        assertThat(after.toString()).isNotEqualTo(before.toString());
        JsonNode v = api(pageParams());
        JsonNode path = v.get("path");
        int j = 0;
        for (int i = 0; i < path.get("lambda").size(); i++) {
            if (path.get("lambda").get(i).asDouble() > 0) {
                assertThat(after.get(j++).get(1).asDouble()).isEqualTo(path.get("adv_risk").get(i).asDouble());
            }
        }
        // The chosen point and the regret ratios are those of the view command `advrisk theory` prints.
        JsonNode chosen = series("a", "chosen λ");
        JsonNode doc = runShown("command-theory");
        long n = Long.parseLong(pageParams().get("n"));
        for (JsonNode r : doc.get("de")) {
            if (r.get("n").asLong() == n) {
                assertThat(chosen.get(1).get(1).asDouble()).isEqualTo(r.get("adv_risk").asDouble());
                assertThat(chosen.get(0).get(1).asDouble()).isEqualTo(r.get("std_risk").asDouble());
            }
        }
        JsonNode a = series("d", "A = R_α(λ_std) / min R_α");
        JsonNode trade = doc.get("tradeoff");
        assertThat(a).hasSize(trade.size());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).get(0).asLong()).isEqualTo(trade.get(i).get("n").asLong());
            assertThat(a.get(i).get(1).asDouble()).isEqualTo(trade.get(i).get("A").asDouble());
        }
        assertThat(driver.findElement(By.id("diagnosis")).getText()).contains("BENIGN").contains("r₀/n");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    @Order(3)
    void simulatedPointsAppearWithErrorBars() throws Exception {
        type("trials", "4");
        waitForView();
        driver.findElement(By.id("simulate")).click();
        waitFor("explore.state.sim && explore.state.sim.state === 'done'", 120);
        JsonNode sim = jsJson("explore.state.sim");
        assertThat(sim.get("done").asInt()).isEqualTo(4);
        JsonNode res = sim.get("result");
        JsonNode pts = series("a", "simulated R_α");
        List<Integer> positive = new ArrayList<>();
        for (int i = 0; i < res.get("lambda").size(); i++) {
            if (res.get("lambda").get(i).asDouble() > 0) {
                positive.add(i);
            }
        }
        assertThat(pts).hasSize(positive.size()).hasSizeGreaterThan(3);
        for (int k = 0; k < pts.size(); k++) {
            int i = positive.get(k);
            assertThat(pts.get(k).get(0).asDouble()).isEqualTo(res.get("lambda").get(i).asDouble());
            assertThat(pts.get(k).get(1).asDouble()).isEqualTo(res.get("adv_risk_mean").get(i).asDouble());
        }
        assertThat(series("a", "±1 SE (R_α)")).hasSize(positive.size());
        assertThat(series("b", "simulated")).isNotNull();
        assertThat(driver.findElement(By.id("sim-progress")).getAttribute("value")).isEqualTo("4");
        assertThat(driver.findElements(By.cssSelector("#sim-rows tr"))).hasSize(1 + res.get("lambda").size());
        assertThat(driver.findElement(By.id("command-linear")).getText()).contains("--trials 4");
        String shot = System.getProperty("explore.screenshot");
        if (shot != null && !shot.isBlank()) {
            js("window.scrollTo(0, 0);");
            Files.write(Path.of(shot), driver.getScreenshotAs(OutputType.BYTES));
        }
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    @Order(4)
    void theSpecDownloadsAndReadsBackAndPlotsExport() throws Exception {
        driver.findElement(By.id("download-spec")).click();
        Path spec = awaitDownload("advrisk-explore.yaml");
        String yaml = Files.readString(spec);
        assertThat(yaml).isEqualTo(driver.findElement(By.id("spec-yaml")).getAttribute("textContent"));
        Spec s = SpecReader.read(new ObjectMapper(new YAMLFactory()).readTree(yaml), "explore");
        Map<String, String> q = pageParams();
        assertThat(s.spectrum()).containsExactly(q.get("spectrum"));
        assertThat(s.theta()).containsExactly(q.get("theta"));
        assertThat(s.trials()).isEqualTo(4);
        assertThat(s.n()).contains(Integer.parseInt(q.get("n")));
        assertThat(s.alpha()).containsExactly(Double.parseDouble(q.get("alpha")));
        assertThat(s.lambda()).first().isEqualTo(0.0);

        driver.findElement(By.cssSelector("[data-export=b][data-type=svg]")).click();
        String svg = Files.readString(awaitDownload("advrisk-explore-b.svg"));
        assertThat(svg).startsWith("<?xml").contains("<svg").contains("xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("<path");
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        driver.findElement(By.cssSelector("[data-export=c][data-type=png]")).click();
        byte[] png = Files.readAllBytes(awaitDownload("advrisk-explore-c.png"));
        assertThat(Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
        assertThat(png.length).isGreaterThan(10_000);

        driver.findElement(By.id("copy-command")).click();
        waitFor("document.getElementById('sim-status').textContent === 'copied'", 10);
        assertThat(consoleErrors()).isEmpty();
    }

    private static Path awaitDownload(String name) throws InterruptedException {
        Path p = downloads.resolve(name);
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end) {
            if (Files.exists(p) && !Files.exists(downloads.resolve(name + ".crdownload"))) {
                try {
                    if (Files.size(p) > 0) {
                        return p;
                    }
                } catch (java.io.IOException ignored) {
                    // still being written
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no download " + name + " in " + downloads);
    }

    @Test
    @Order(5)
    void theUrlReproducesTheView() throws Exception {
        Map<String, String> q = pageParams();
        JsonNode adv = series("b", "Pareto frontier");
        String url = driver.getCurrentUrl();
        driver.get("about:blank");
        driver.get(url);
        waitForView();
        assertThat(pageParams()).isEqualTo(q);
        assertThat(series("b", "Pareto frontier").toString()).isEqualTo(adv.toString());
        assertThat(driver.findElement(By.id("trials")).getAttribute("value")).isEqualTo("4");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    @Order(6)
    void aLongSimulationCanBeCancelled() throws Exception {
        type("trials", "200");
        waitForView();
        driver.findElement(By.id("simulate")).click();
        waitFor("explore.state.sim && explore.state.sim.state === 'running'", 30);
        driver.findElement(By.id("cancel")).click();
        waitFor("explore.state.sim && explore.state.sim.state === 'cancelled'", 60);
        assertThat(jsJson("explore.state.sim").get("done").asInt()).isLessThan(200);
        assertThat(driver.findElement(By.id("sim-status")).getText()).startsWith("cancelled");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    @Order(7)
    void redrawLatencyIsMeasured() throws Exception {
        // 30 λ-slider positions, each one API answer and one redraw of the four panels (measured, not asserted).
        String out = (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "(async () => { const s = document.getElementById('lambda-slider'); const r = [];"
                        + "  for (let i = 0; i < 30; i++) { s.value = String(-6 + 0.2 * i);"
                        + "    await explore.onSlider({target: s}); r.push(explore.state.stats); }"
                        + "  done(JSON.stringify(r)); })();");
        JsonNode r = JSON.readTree(out);
        double[] total = new double[r.size()];
        double[] server = new double[r.size()];
        double[] draw = new double[r.size()];
        for (int i = 0; i < r.size(); i++) {
            total[i] = r.get(i).get("total_ms").asDouble();
            server[i] = r.get(i).get("server_ms").asDouble();
            draw[i] = r.get(i).get("render_ms").asDouble();
        }
        String line = String.format(Locale.ROOT, "explore latency over %d λ-slider moves (%s): slider->redrawn median %.1f ms,"
                        + " max %.1f ms; theory on the server median %.1f ms; drawing the four panels median %.1f ms",
                total.length, pageParams().get("spectrum") + ", p=" + pageParams().get("p") + ", n=" + pageParams().get("n"),
                median(total), Arrays.stream(total).max().orElse(0), median(server), median(draw));
        System.out.println(line);
        Files.writeString(Path.of("target", "explore-latency.txt"), line + System.lineSeparator());
        assertThat(Arrays.stream(total).min().orElse(0)).isPositive();
        assertThat(consoleErrors()).isEmpty();
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    /**
     * Claim (iii)'s panel: its numbers at the page's point are the de_* columns of the advrisk ntk command it
     * shows (run here in-process), and its curves are the API's.
     */
    @Test
    @Order(8)
    void theNtkPanelShowsTheCliDeterministicEquivalent() throws Exception {
        type("ntk-d", "800");
        type("n", "80");
        waitForView();
        waitFor("window.exploreMore && exploreMore.ntk.view && exploreMore.ntk.params.d === '800'"
                + " && exploreMore.ntk.params.n === explore.state.params.n"
                + " && exploreMore.ntk.params.lambda === explore.state.params.lambda", 60);
        JsonNode view = jsJson("exploreMore.ntk.view");
        JsonNode point = view.get("point");
        JsonNode cli = runShown("command-ntk");
        assertThat(cli.isArray() ? cli : cli.get("rows")).isNotNull();
        JsonNode rows = cli.isArray() ? cli : cli.get("rows");
        assertThat(rows.size()).isPositive();
        JsonNode row = rows.get(0);
        assertThat(row.get("n").asLong()).isEqualTo(view.get("n").asLong()).isEqualTo(80);
        assertThat(row.get("d").asLong()).isEqualTo(800);
        assertThat(row.get("lambda").asDouble()).isEqualTo(point.get("lambda").asDouble());
        // The same code computes both (NtkEquivalent): equal to the last bit.
        for (String c : new String[] {"de_std_risk", "de_adv_risk", "de_norm_l2"}) {
            assertThat(point.get(c).asDouble()).as(c).isPositive().isEqualTo(row.get(c).asDouble());
        }
        String note = driver.findElement(By.id("note-ntk")).getText();
        assertThat(note).contains("R = " + jsFmt(point.get("de_std_risk").asDouble()))
                .contains("R_α = " + jsFmt(point.get("de_adv_risk").asDouble()));
        // The n-curve passes through the point at the page's n.
        JsonNode byN = view.get("by_n");
        boolean found = false;
        for (JsonNode r : byN) {
            if (r.get("n").asLong() == 80) {
                assertThat(r.get("de_adv_risk").asDouble()).isEqualTo(point.get("de_adv_risk").asDouble());
                found = true;
            }
        }
        assertThat(found).isTrue();
        String shot = System.getProperty("explore.ntk.screenshot");
        if (shot != null) {
            js("document.getElementById('panel-ntk').scrollIntoView();");
            Files.write(Path.of(shot), driver.getScreenshotAs(OutputType.BYTES));
        }
        assertThat(consoleErrors()).isEmpty();
    }

    /** The page's number format (3 significant digits). */
    private static String jsFmt(double x) {
        return (String) js("return (function(x){ const a = Math.abs(x); return (a >= 1e4 || a < 1e-3) ? x.toExponential(2)"
                + " : String(Number(x.toPrecision(3))); })(arguments[0]);", x);
    }

    @Test
    @Order(9)
    void anInvalidValueShowsTheMessageAndMarksTheField() throws Exception {
        expectedErrors.add("api/theory");
        type("tl-spike", "-1");
        waitFor("!document.getElementById('error').hidden", 20);
        WebElement error = driver.findElement(By.id("error"));
        assertThat(error.getText()).startsWith("spectrum: twolevel spike=-1.0 must be > 0");
        assertThat(driver.findElement(By.id("tl-spike")).getAttribute("class")).contains("invalid");
        type("tl-spike", "1");
        waitFor("document.getElementById('error').hidden", 20);
        type("n", "abc");
        waitFor("!document.getElementById('error').hidden", 20);
        assertThat(driver.findElement(By.id("error")).getText()).startsWith("n: 'abc' is not an integer");
        assertThat(driver.findElement(By.id("n")).getAttribute("class")).contains("invalid");
        // The only console errors are the browser's notes of the two 400 answers (one per invalid value).
        List<String> severe = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(e.getMessage());
            }
        }
        assertThat(severe).hasSize(2).allMatch(m -> m.contains("api/theory") && m.contains("400"));
    }
}
