package org.advrisk.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page's oracle frontier on panel (b) and its gradient-flow switch on panel (a), in headless chromium
 * (chromedriver): the drawn series equal the API's numbers. Skipped like {@link ExploreBrowserTest} when
 * chromium or chromedriver is missing outside CI.
 */
class ExploreEarlyStopBrowserTest {
    private static ExploreServer server;
    private static ChromeDriverService service;
    private static ChromeDriver driver;
    private static Path profile;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Path chromium = ExploreBrowserTest.find("chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path chromedriver = ExploreBrowserTest.find("chromedriver", "/usr/bin/chromedriver");
        if (chromium == null || chromedriver == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but chromium or chromedriver is missing: the browser test cannot be skipped in CI");
            }
            Assumptions.abort("browser test skipped: chromium or chromedriver not installed");
        }
        profile = Files.createTempDirectory("advrisk-explore-gf-chromium");
        server = ExploreServer.start(0);
        try {
            service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort()
                    .build();
            ChromeOptions o = new ChromeOptions();
            o.setBinary(chromium.toFile());
            o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile, "--window-size=1500,1150");
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
                if (profile != null) {
                    try (var s = Files.walk(profile)) {
                        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
        }
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static JsonNode jsJson(String expression) throws Exception {
        return JSON.readTree((String) js("return JSON.stringify(" + expression + ");"));
    }

    private static void waitFor(String condition, int seconds) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(d -> Boolean.TRUE.equals(js("return !!(" + condition + ");")));
    }

    private static JsonNode series(String chart, String name) throws Exception {
        for (JsonNode s : jsJson("explore.charts." + chart + ".getOption().series.map(s => ({name: s.name, data: s.data}))")) {
            if (s.get("name").asText().equals(name)) {
                return s.get("data");
            }
        }
        return null;
    }

    @Test
    void oracleOnPanelBAndGradientFlowAgainstTOnPanelA() throws Exception {
        // α = 1 > √(2/π): here the oracle frontier dips below the ground truth (more than one Pareto point)
        driver.get(server.url() + "?spectrum=twolevel:spikes%3D3,spike%3D1,tail%3D1&theta=top:k%3D3,norm%3D1&p=400&n=40"
                + "&alpha=1&lambda=0.01&trials=2&sim-lambda=0,0.1&sim-time=0.5,5,inf&a-axis=time");
        waitFor("window.explore && explore.state.view", 30);
        JsonNode o = jsJson("explore.state.view.oracle");
        JsonNode path = series("b", "oracle path θ(μ)");
        JsonNode front = series("b", "oracle frontier (knows Σ, θ*)");
        assertThat(path).isNotNull();
        assertThat(front.size()).isGreaterThan(1);
        // every drawn oracle point is one of the API's points, and the Pareto ones are flagged so
        List<String> apiPoints = new ArrayList<>();
        List<String> paretoPoints = new ArrayList<>();
        for (int i = 0; i < o.get("mu").size(); i++) {
            String key = o.get("std_risk").get(i).asDouble() + "," + o.get("adv_risk").get(i).asDouble();
            apiPoints.add(key);
            if (o.get("pareto").get(i).asBoolean()) {
                paretoPoints.add(key);
            }
        }
        for (JsonNode p : path) {
            assertThat(apiPoints).contains(p.get(0).asDouble() + "," + p.get(1).asDouble());
        }
        for (JsonNode p : front) {
            assertThat(paretoPoints).contains(p.get(0).asDouble() + "," + p.get(1).asDouble());
        }
        assertThat(driver.findElement(By.id("note-b")).getText()).contains("Oracle (knows Σ, θ*): lowest R_α");

        // panel (a) against t: without a simulation only ridge's equivalent at λ = 1/t, and the note says so
        assertThat(driver.findElement(By.id("title-a")).getText()).isEqualTo("(a) risks against t (gradient flow)");
        assertThat(series("a", "ridge R (DE) at λ = 1/t")).isNotNull();
        assertThat(driver.findElement(By.id("note-a")).getText()).contains("press Simulate");

        driver.findElement(By.id("simulate")).click();
        waitFor("explore.state.sim && explore.state.sim.state === 'done'", 60);
        waitFor("explore.charts.a.getOption().series.some(s => s.name === 'gradient flow R_α (simulated)')", 10);
        JsonNode gf = jsJson("explore.state.sim.result.gf");
        JsonNode drawn = series("a", "gradient flow R_α (simulated)");
        // finite t only (t = inf, the min-norm row, has no place on a log axis): t = 0.5 and 5
        assertThat(drawn).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(drawn.get(i).get(0).asDouble()).isEqualTo(gf.get("time").get(i).asDouble());
            assertThat(drawn.get(i).get(1).asDouble()).isEqualTo(gf.get("adv_risk_mean").get(i).asDouble());
        }
        assertThat(series("b", "gradient flow over t (simulated)")).hasSize(2);
        assertThat(driver.findElement(By.id("note-a")).getText()).contains("A_t = ", "S_t = ");
        assertThat(driver.findElement(By.id("sim-table")).getText()).contains("gf t = ∞");
        assertThat(driver.findElement(By.id("command-linear")).getText()).contains("--estimator ridge,gf",
                "--time 0.5,5,inf");

        // back to λ: the ridge view, and the choice is in the URL
        new Select(driver.findElement(By.id("a-axis"))).selectByValue("lambda");
        waitFor("document.getElementById('title-a').textContent === '(a) risks against λ'", 10);
        assertThat(series("a", "R (standard)")).isNotNull();
        assertThat((String) js("return location.search;")).contains("a-axis=lambda");

        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        assertThat(errors).isEmpty();
    }
}
