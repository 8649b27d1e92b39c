package org.advrisk.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.advrisk.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The explorer's attacker (issue 22): {@code attack-scale} and {@code label-preserving} in the theory view and
 * the simulation give the numbers of {@code advrisk theory} / {@code advrisk linear} with the same flags.
 */
class ExploreThreatTest extends ExplorerServerFixture {
    private static final String[] PROBLEM = {"--spectrum", "twolevel:spikes=10,spike=1,tail=1", "--theta",
        "top:k=10,norm=1", "--p", "n^2", "--sigma", "0.5", "--alpha", "0.25", "--attack", "l2", "--target", "clean"};

    private static Map<String, String> view(String... kv) {
        Map<String, String> m = new LinkedHashMap<>(Http.params("spectrum", "twolevel:spikes=10,spike=1,tail=1",
                "theta", "top:k=10,norm=1", "p", "n^2", "n", "400", "sigma", "0.5", "lambda", "0.01", "alpha", "0.25",
                "attack", "l2", "target", "clean", "n-grid", "100,400,1600"));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static JsonNode theory(Map<String, String> params) {
        Http.Answer a = Http.get(base, "/api/theory?" + Http.query(params));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private static JsonNode cli(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute(args)).as(err.toString()).isZero();
        return Http.JSON.readTree(out.toString());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void theViewAtAttackScaleOneIsTheTheoryCommands() throws Exception {
        for (String[] threat : new String[][] {{"1", "false"}, {"0.5", "true"}}) {
            JsonNode v = theory(view("attack-scale", threat[0], "label-preserving", threat[1]));
            String[] flags = concat(PROBLEM, "--n-grid", "100,400,1600", "--lambda", "0.01", "--attack-scale", threat[0],
                    "--show", "de,tradeoff", "--format", "json");
            JsonNode doc = cli(concat(new String[] {"theory"}, threat[1].equals("true") ? concat(flags, "--label-preserving") : flags));
            JsonNode de = null;
            for (JsonNode r : doc.get("de")) {
                if (r.get("n").asLong() == 400) {
                    de = r;
                }
            }
            assertThat(de).isNotNull();
            assertThat(de.get("attack_scale").asDouble()).isEqualTo(Double.parseDouble(threat[0]));
            assertThat(v.get("attack_scale").asDouble()).isEqualTo(Double.parseDouble(threat[0]));
            assertThat(v.get("label_preserving").asBoolean()).isEqualTo(Boolean.parseBoolean(threat[1]));
            // same formulas, same inputs: identical doubles (JSON round-trips them exactly)
            JsonNode c = v.get("chosen");
            for (String col : new String[] {"std_risk", "adv_risk", "gt_adv_risk", "norm_dual", "norm_l2"}) {
                assertThat(c.get(col).asDouble()).as(col).isEqualTo(de.get(col).asDouble());
            }
            JsonNode byN = v.get("by_n");
            assertThat(byN).hasSize(3);
            for (int i = 0; i < 3; i++) {
                JsonNode t = doc.get("tradeoff").get(i);
                assertThat(byN.get(i).get("n").asLong()).isEqualTo(t.get("n").asLong());
                for (String[] pair : new String[][] {{"A", "A"}, {"S", "S"}, {"adv_risk", "min_norm_adv_risk"},
                    {"gt_adv_risk", "gt_adv_risk"}, {"lambda_adv", "lambda_adv"}}) {
                    assertThat(byN.get(i).get(pair[0]).asDouble()).as(pair[0]).isEqualTo(t.get(pair[1]).asDouble());
                }
            }
            assertThat(v.has("oracle")).as("the oracle frontier is the isotropic attacker's").isFalse();
        }
        // label-preserving: the ground truth pays nothing
        assertThat(theory(view("label-preserving", "true")).get("chosen").get("gt_adv_risk").asDouble()).isZero();
    }

    @Test
    void theAttackerChangesTheNumbersExceptWhereItCannot() {
        JsonNode iso = theory(view());
        JsonNode g1 = theory(view("attack-scale", "1"));
        assertThat(iso.has("attack_scale")).isFalse();
        JsonNode zero = theory(view("attack-scale", "0", "label-preserving", "false"));
        for (String part : new String[] {"chosen", "path", "by_n", "tradeoff", "oracle"}) {
            assertThat(zero.get(part)).as(part).isEqualTo(iso.get(part));
        }
        // on this spectrum the tail directions have variance 1/p: the shaped attacker gains far less
        assertThat(g1.get("chosen").get("adv_risk").asDouble()).isLessThan(iso.get("chosen").get("adv_risk").asDouble() / 2);
        assertThat(g1.get("chosen").get("std_risk").asDouble()).isEqualTo(iso.get("chosen").get("std_risk").asDouble());
        // Σ = I: Σ^{G/2} = I, so every G is the isotropic ball (another formula path, equal to rounding)
        Map<String, String> isotropic = view("spectrum", "isotropic", "theta", "top:k=1,norm=1", "p", "4n");
        JsonNode a = theory(isotropic).get("chosen");
        isotropic.put("attack-scale", "1.5");
        JsonNode b = theory(isotropic).get("chosen");
        assertThat(b.get("adv_risk").asDouble()).isCloseTo(a.get("adv_risk").asDouble(),
                within(1e-12 * a.get("adv_risk").asDouble()));
        assertThat(b.get("gt_adv_risk").asDouble()).isCloseTo(a.get("gt_adv_risk").asDouble(), within(1e-15));
    }

    @Test
    void theSimulationAtAttackScaleOneIsAdvriskLinears() throws Exception {
        Map<String, String> p = Http.params("spectrum", "twolevel:spikes=10,spike=1,tail=1", "theta", "top:k=10,norm=1",
                "p", "n^2", "n", "100", "sigma", "0.5", "lambda", "0,0.01", "alpha", "0.25", "attack", "l2", "target",
                "clean", "trials", "2", "seed", "3", "attack-scale", "1", "label-preserving", "true");
        Http.Answer a = Http.post(base, "/api/simulate", p);
        assertThat(a.status()).as(a.body()).isEqualTo(202);
        JsonNode job = waitFor(a.json().get("id").asText());
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
        JsonNode sim = job.get("result").get("rows");
        JsonNode rows = cli(concat(concat(new String[] {"linear"}, PROBLEM), "--n", "100", "--lambda", "0,0.01", "--trials", "2", "--seed", "3",
                "--attack-scale", "1", "--label-preserving", "--theory", "--format", "json"));
        assertThat(sim).hasSize(rows.size()).hasSize(4);
        for (int i = 0; i < rows.size(); i++) {
            for (String col : new String[] {"std_risk", "adv_risk", "norm_dual", "gt_adv_risk", "attack_scale"}) {
                assertThat(sim.get(i).get(col).asDouble()).as(col).isEqualTo(rows.get(i).get(col).asDouble());
            }
            assertThat(sim.get(i).get("label_preserving").asBoolean()).isTrue();
        }
        // the theory view at the same point gives linear --theory's deterministic equivalent
        JsonNode v = theory(Http.params("spectrum", "twolevel:spikes=10,spike=1,tail=1", "theta", "top:k=10,norm=1",
                "p", "n^2", "n", "100", "sigma", "0.5", "lambda", "0.01", "alpha", "0.25", "attack-scale", "1",
                "label-preserving", "true"));
        assertThat(v.get("chosen").get("adv_risk").asDouble()).isEqualTo(rows.get(1).get("de_adv_risk").asDouble());
        assertThat(v.get("chosen").get("std_risk").asDouble()).isEqualTo(rows.get(1).get("de_std_risk").asDouble());
    }

    @Test
    void badAttackersAre400NamingTheirField() {
        String[][] bad = {{"attack-scale", "3", "theory"}, {"attack-scale", "-0.5", "simulate"},
            {"label-preserving", "yes", "theory"}, {"label-preserving", "true", "simulate", "attack", "linf"},
            {"attack-scale", "1", "theory", "attack", "linf"}};
        for (String[] b : bad) {
            Map<String, String> p = view(b[0], b[1]);
            p.put("n", "50");
            p.put("trials", "1");
            if (b.length > 3) {
                p.put(b[3], b[4]);
            }
            Http.Answer a;
            if (b[2].equals("theory")) {
                p.remove("trials");
                a = Http.get(base, "/api/theory?" + Http.query(p));
            } else {
                p.remove("n-grid");
                p.remove("lambda");
                a = Http.post(base, "/api/simulate", p);
            }
            assertThat(a.status()).as(String.join(" ", b) + ": " + a.body()).isEqualTo(400);
            assertThat(a.json().get("field").asText()).isEqualTo(b[0]);
            assertThat(a.json().get("message").asText()).startsWith(b[0] + ":");
        }
        // the same words as the command line's
        Http.Answer a = Http.get(base, "/api/theory?" + Http.query(view("attack-scale", "3")));
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute(concat(concat(new String[] {"theory"}, PROBLEM), "--attack-scale", "3"))).isEqualTo(2);
        assertThat(err.toString().trim()).isEqualTo("advrisk: error: " + a.json().get("message").asText());
    }

    private static JsonNode waitFor(String id) throws InterruptedException {
        long end = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < end) {
            Http.Answer s = Http.get(base, "/api/simulate/" + id);
            assertThat(s.status()).isEqualTo(200);
            String st = s.json().get("state").asText();
            if (!st.equals("running") && !st.equals("queued")) {
                return s.json();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("simulation " + id + " did not end within 120 s");
    }
}
