package org.advrisk.explore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advrisk.browser.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The attacker's controls (attack scale G slider, label-preserving checkbox): the page asks for that attacker,
 * draws the API's numbers, shows commands that give them, and keeps the choice in its URL.
 */
class ExploreThreatBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSliderAndTheCheckboxDriveTheViewAndTheCommands() throws Exception {
        try (ExploreServer server = ExploreServer.start(0); Browser b = Browser.start(1400, 1000)) {
            b.driver().get(server.url());
            b.waitFor("window.explore && explore.state.view", 60);
            assertThat(b.js("return explore.state.view.attack_scale === undefined;")).isEqualTo(true);
            b.js("const s = document.getElementById('attack-scale-slider'); s.value = 1;"
                    + " s.dispatchEvent(new Event('input'));");
            b.waitFor("explore.state.view.attack_scale === 1", 60);
            assertThat(b.driver().findElement(By.id("attack-scale")).getAttribute("value")).isEqualTo("1");
            b.driver().findElement(By.id("label-preserving")).click();
            b.waitFor("explore.state.view.label_preserving === true && explore.state.view.attack_scale === 1", 60);

            // the page's numbers are the API's for its parameters, and the theory command it shows gives them
            JsonNode params = JSON.readTree((String) b.js("return JSON.stringify(explore.state.params);"));
            assertThat(params.get("attack-scale").asText()).isEqualTo("1");
            assertThat(params.get("label-preserving").asText()).isEqualTo("true");
            Map<String, String> p = new LinkedHashMap<>();
            for (Iterator<String> it = params.fieldNames(); it.hasNext();) {
                String k = it.next();
                p.put(k, params.get(k).asText());
            }
            Http.Answer a = Http.get(server.url().replaceAll("/$", ""), "/api/theory?" + Http.query(p));
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            double shown = ((Number) b.js("return explore.state.view.chosen.adv_risk;")).doubleValue();
            assertThat(shown).isEqualTo(a.json().get("chosen").get("adv_risk").asDouble());
            String theory = b.driver().findElement(By.id("command-theory")).getText().trim();
            assertThat(theory).contains("--attack-scale 1 --label-preserving");
            List<String> args = new ArrayList<>();
            for (String t : theory.substring("advrisk ".length()).split("\\s+")) {
                args.add(t.startsWith("'") && t.endsWith("'") ? t.substring(1, t.length() - 1) : t);
            }
            args.add("--format");
            args.add("json");
            ExploreApiTest.Cli cli = ExploreApiTest.Cli.run(args.toArray(String[]::new));
            assertThat(cli.code()).as(cli.err()).isZero();
            long n = Long.parseLong(p.get("n"));
            JsonNode de = null;
            for (JsonNode r : JSON.readTree(cli.out()).get("de")) {
                if (r.get("n").asLong() == n) {
                    de = r;
                }
            }
            assertThat(de).isNotNull();
            assertThat(de.get("adv_risk").asDouble()).isEqualTo(shown);
            assertThat(de.get("label_preserving").asBoolean()).isTrue();
            assertThat(b.driver().findElement(By.id("command-linear")).getText())
                    .contains("--attack-scale 1 --label-preserving");
            assertThat(b.driver().findElement(By.id("spec-yaml")).getAttribute("textContent"))
                    .contains("attack_scale: 1").contains("label_preserving: true");

            // the URL keeps the attacker: a reload restores both controls
            b.driver().navigate().refresh();
            b.waitFor("window.explore && explore.state.view && explore.state.view.attack_scale === 1", 60);
            assertThat(b.driver().findElement(By.id("label-preserving")).isSelected()).isTrue();
            assertThat(b.js("return document.getElementById('attack-scale-slider').value;")).isEqualTo("1");
        }
    }
}
