package org.advrisk.explore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.advrisk.browser.Browser;
import org.advrisk.param.Lists;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page's list parser ({@code lists.js}) and the Java one ({@link Lists}) read one table of inputs,
 * good and bad, in headless chromium: the same items, the same values and the same messages. Skipped like
 * {@link ExploreBrowserTest} when chromium or chromedriver is missing outside CI.
 */
class ListsBrowserTest {
    private static ExploreServer server;
    private static Browser browser;
    private static ChromeDriver driver;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Inputs every door may be given: plain lists, the three grids, and mistakes of each kind. */
    static final List<String> TABLE = List.of(
            "0", "0,logspace:-6,1,20", "logspace:-8,1,120", "logspace:-1.5,0.25,11", "logspace:-6,1,36",
            "linspace:0,1,11", "linspace:10,1000,100", "linspace:-2.5,7.25,33", "geomspace:1,1000,7",
            "geomspace:0.5,8,9", "geomspace:50,200,3", " 1 , 2.5e-3,.5,+3, 4.", "linspace:3,7,1", "LOGSPACE:0,2,3",
            "1,,2", "0, logspace: -4 , 1 , 6 ,inf",
            "", " , ", "abc", "1d", "0x10", "Infinity", "-Infinity", "NaN", "1e400", "logspace:-2,0", "0,linspace:0,1",
            "range:0,1,3", "logspace:-2,0,0", "logspace:-2,0,2.5", "logspace:-2,x,3", "linspace:0,Infinity,3",
            "geomspace:0,1,3", "geomspace:-1,-2,3", "linspace:0,1,100001", "1;2", "\u0007bell", "x".repeat(200));

    @BeforeAll
    static void start() throws Exception {
        server = ExploreServer.start(0);
        try {
            browser = Browser.start(1400, 1000);
            driver = browser.driver();
        } catch (Throwable e) { // also a skip (no chromium outside CI): the server is stopped either way
            stop();
            throw e;
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /** The page's answer for one input: {"items": [...], "values": [...]} or {"error": message}. */
    private static JsonNode page(String text) throws Exception {
        String script = "const t = arguments[0]; try { return JSON.stringify({items: advriskLists.items('lambda', t),"
                + " values: advriskLists.numbers('lambda', t, 'finite and >= 0')}); }"
                + " catch (e) { return JSON.stringify({error: e.message}); }";
        return JSON.readTree((String) ((JavascriptExecutor) driver).executeScript(script, text));
    }

    @Test
    void thePageSelectListsAreTheDeclaredChoices() throws Exception {
        driver.get(server.url());
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return !!(window.explore && window.explore.state.choices);")));
        for (org.advrisk.param.Choice c : List.of(org.advrisk.param.Choices.DESIGN, org.advrisk.param.Choices.NOISE,
                org.advrisk.param.Choices.TARGET)) {
            String json = (String) ((JavascriptExecutor) driver).executeScript("return JSON.stringify(Array.from("
                    + "document.getElementById(arguments[0]).options).map(o => o.value));", c.name());
            assertThat(JSON.readValue(json, List.class)).as(c.name()).isEqualTo(c.allowedValues());
            assertThat(((JavascriptExecutor) driver).executeScript("return document.getElementById(arguments[0]).value;",
                    c.name())).as("default of %s", c.name()).isEqualTo(c.defaultText());
        }
    }

    @Test
    void thePageReadsEveryListAsJavaDoes() throws Exception {
        driver.get(server.url());
        int good = 0;
        int bad = 0;
        for (String text : TABLE) {
            JsonNode js = page(text);
            String javaError = null;
            double[] javaValues = null;
            List<String> javaItems = null;
            try {
                javaItems = Lists.items("lambda", text);
                javaValues = Lists.numbers("lambda", text, "finite and >= 0");
            } catch (IllegalArgumentException e) {
                javaError = e.getMessage();
            }
            if (javaError != null) {
                bad++;
                assertThat(js.has("error")).as("the page accepts %s, Java refuses: %s", text, javaError).isTrue();
                assertThat(js.get("error").asText()).as("message for '%s'", text).isEqualTo(javaError);
                continue;
            }
            good++;
            assertThat(js.has("error")).as("the page refuses '%s': %s", text, js.path("error").asText()).isFalse();
            assertThat(JSON.convertValue(js.get("items"), List.class)).as("items of '%s'", text).isEqualTo(javaItems);
            JsonNode v = js.get("values");
            assertThat(v.size()).as("count of '%s'", text).isEqualTo(javaValues.length);
            for (int i = 0; i < javaValues.length; i++) {
                // the same IEEE operations in the same order: equal to the bit (V8's and Java's pow, exp
                // and log agree on this table; a last-bit difference would show here)
                assertThat(v.get(i).asDouble()).as("value %d of '%s'", i, text).isEqualTo(javaValues[i]);
            }
        }
        assertThat(good).isGreaterThanOrEqualTo(15);
        assertThat(bad).isGreaterThanOrEqualTo(20);
    }
}
