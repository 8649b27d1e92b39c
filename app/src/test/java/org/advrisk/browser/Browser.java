package org.advrisk.browser;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium driven headless by chromedriver (Selenium) at a given window size, for the
 * report's and the explorer's browser tests; {@link #close} stops the browser, the driver and removes
 * the profile. Skipped (an assumption) when chromium or chromedriver is missing outside CI.
 */
public final class Browser implements AutoCloseable {
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** An executable of that name in the candidates or on PATH, else null. */
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

    /** Starts a headless chromium with a window of width × height CSS pixels. */
    public static Browser start(int width, int height) throws Exception {
        Path chromium = find("chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path chromedriver = find("chromedriver", "/usr/bin/chromedriver");
        if (chromium == null || chromedriver == null) {
            String what = (chromium == null ? "chromium " : "") + (chromedriver == null ? "chromedriver" : "");
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + what.trim() + " is missing: the browser test cannot be skipped in CI");
            }
            Assumptions.abort("browser test skipped: " + what.trim() + " not installed");
        }
        Path profile = Files.createTempDirectory("advrisk-browser");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().withSilent(true).build();
        try {
            ChromeOptions o = new ChromeOptions();
            o.setBinary(chromium.toFile());
            o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                    "--hide-scrollbars", "--allow-file-access-from-files", "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height);
            ChromeDriver driver = new ChromeDriver(service, o);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
            return new Browser(service, driver, profile);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    /** The driver. */
    public ChromeDriver driver() {
        return driver;
    }

    /** Runs a script in the page and returns its value. */
    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until a JavaScript condition is true. */
    public void waitFor(String condition, int seconds) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(d -> Boolean.TRUE.equals(js("return !!(" + condition + ");")));
    }

    /** Saves a screenshot of the viewport as PNG. */
    public void screenshot(Path png) throws Exception {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws Exception {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (var s = Files.walk(profile)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
