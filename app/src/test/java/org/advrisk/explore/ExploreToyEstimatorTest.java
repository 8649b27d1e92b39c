package org.advrisk.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The toy estimator of the test tree ({@code org.advrisk.estimator.ShrinkEstimator}, θ̂ = c·θ̂₀, registered
 * through META-INF/services only) runs through the explorer's {@code POST /api/simulate}: its rows are those
 * of {@code advrisk linear} with the same flags, and they agree with the independent computation of
 * {@code ToyEstimatorTest}: with Σ = I and ‖θ*‖ = 1, ‖cθ̂₀‖ = c‖θ̂₀‖ and
 * ‖cθ̂₀ − θ*‖² = c²A − c(A + 1 − R₁) + 1 (A = ‖θ̂₀‖², R₁ the λ = 0 ridge row's standard risk), to 1e-9
 * relative (two filters of the same eigendecomposition). Its parameter is required with it and refused without.
 */
class ExploreToyEstimatorTest {
    private static final double TOL = 1e-9;
    private static ExploreServer server;
    private static String base;

    @BeforeAll
    static void start() {
        server = ExploreServer.start(0);
        base = "http://" + ExploreServer.HOST + ":" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void toyRowsFromTheSimulateApi() throws Exception {
        Map<String, String> p = Http.params("spectrum", "isotropic", "n", "30", "p", "80", "theta", "top:k=5,norm=1",
                "sigma", "0.5", "lambda", "0", "alpha", "0.1", "attack", "l2", "trials", "2", "seed", "4",
                "estimator", "ridge,shrink", "shrink", "0,0.5,1");
        Http.Answer a = Http.post(base, "/api/simulate", p);
        assertThat(a.status()).as(a.body()).isEqualTo(202);
        JsonNode job = waitFor(a.json().get("id").asText());
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
        JsonNode res = job.get("result");
        JsonNode rows = res.get("rows");
        assertThat(rows).hasSize(2 * 4);

        ExploreApiTest.Cli cli = ExploreApiTest.Cli.run("linear", "--spectrum", "isotropic", "--n", "30", "--p", "80",
                "--theta", "top:k=5,norm=1", "--sigma", "0.5", "--lambda", "0", "--alpha", "0.1", "--attack", "l2",
                "--trials", "2", "--seed", "4", "--estimator", "ridge,shrink", "--shrink", "0,0.5,1", "--format", "json");
        assertThat(cli.code()).as(cli.err()).isZero();
        JsonNode cliRows = Http.JSON.readTree(cli.out());
        assertThat(cliRows).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            for (String c : new String[] {"trial", "estimator", "shrink", "std_risk", "adv_risk", "norm_l2"}) {
                assertThat(rows.get(i).get(c).asText()).as("row %d %s", i, c).isEqualTo(cliRows.get(i).get(c).asText());
            }
        }

        double[] cs = {0, 0.5, 1};
        double[] meanStd = new double[3];
        for (int t = 0; t < 2; t++) {
            JsonNode ridge = rows.get(4 * t);
            assertThat(ridge.get("estimator").asText()).isEqualTo("ridge");
            double a0 = Math.pow(ridge.get("norm_l2").asDouble(), 2);
            double r1 = ridge.get("std_risk").asDouble();
            for (int j = 0; j < 3; j++) {
                JsonNode toy = rows.get(4 * t + 1 + j);
                double c = cs[j];
                assertThat(toy.get("estimator").asText()).isEqualTo("shrink");
                assertThat(toy.get("shrink").asDouble()).isEqualTo(c);
                assertThat(toy.get("norm_l2").asDouble()).isCloseTo(c * Math.sqrt(a0), within(TOL * Math.sqrt(a0)));
                double expected = c * c * a0 - c * (a0 + 1 - r1) + 1;
                assertThat(toy.get("std_risk").asDouble()).isCloseTo(expected, within(TOL * (a0 + 1)));
                meanStd[j] += expected / 2;
            }
        }
        JsonNode shrink = res.get("shrink");
        assertThat(shrink.get("shrink")).hasSize(3);
        for (int j = 0; j < 3; j++) {
            assertThat(shrink.get("std_risk_mean").get(j).asDouble()).isCloseTo(meanStd[j], within(TOL * 2));
        }
    }

    @Test
    void gradientDescentFromTheRegistryMatchesTheLinearCommand() throws Exception {
        Map<String, String> p = Http.params("n", "25", "p", "60", "lambda", "0", "alpha", "0.1", "trials", "2",
                "seed", "2", "estimator", "ridge,gd", "eta", "0.2", "steps", "1,10,100");
        Http.Answer a = Http.post(base, "/api/simulate", p);
        assertThat(a.status()).as(a.body()).isEqualTo(202);
        JsonNode job = waitFor(a.json().get("id").asText());
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
        JsonNode res = job.get("result");
        ExploreApiTest.Cli cli = ExploreApiTest.Cli.run("linear", "--n", "25", "--p", "60", "--lambda", "0", "--alpha",
                "0.1", "--trials", "2", "--seed", "2", "--estimator", "ridge,gd", "--eta", "0.2", "--steps", "1,10,100",
                "--format", "json");
        assertThat(cli.code()).as(cli.err()).isZero();
        JsonNode rows = Http.JSON.readTree(cli.out());
        assertThat(res.get("rows")).hasSize(rows.size()).hasSize(2 * 4);
        for (int i = 0; i < rows.size(); i++) {
            for (String c : new String[] {"estimator", "steps", "eta", "std_risk", "adv_risk"}) {
                assertThat(res.get("rows").get(i).get(c).asText()).as("row %d %s", i, c).isEqualTo(rows.get(i).get(c).asText());
            }
        }
        // the gd part's means: rows 1..3 of each trial
        for (int j = 0; j < 3; j++) {
            double mean = (rows.get(1 + j).get("std_risk").asDouble() + rows.get(5 + j).get("std_risk").asDouble()) / 2;
            assertThat(res.get("gd").get("std_risk_mean").get(j).asDouble()).isCloseTo(mean, within(1e-12 * mean));
        }
        Http.Answer noEta = Http.post(base, "/api/simulate", Http.params("n", "20", "p", "40", "estimator", "gd", "steps", "5"));
        assertThat(noEta.status()).isEqualTo(400);
        assertThat(noEta.json().get("field").asText()).isEqualTo("eta");
    }

    @Test
    void toyParameterIsRequiredWithTheToyAndRefusedWithout() {
        Http.Answer missing = Http.post(base, "/api/simulate", Http.params("n", "20", "p", "40", "estimator", "shrink"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("message").asText())
                .isEqualTo("shrink: missing; estimator shrink needs a shrink list, e.g. shrink=0.5,1");
        Http.Answer extra = Http.post(base, "/api/simulate", Http.params("n", "20", "p", "40", "shrink", "0.5"));
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.json().get("message").asText())
                .isEqualTo("shrink: given, but estimator has no shrink; allowed: estimator=shrink or estimator=ridge,shrink");
        Http.Answer range = Http.post(base, "/api/simulate", Http.params("n", "20", "p", "40", "estimator", "shrink",
                "shrink", "2"));
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.json().get("message").asText()).startsWith("shrink: 2 is too large");
        Http.Answer adv = Http.post(base, "/api/simulate", Http.params("n", "20", "p", "40", "estimator", "advtrain"));
        assertThat(adv.status()).isEqualTo(400);
        assertThat(adv.json().get("message").asText()).isEqualTo("estimator: 'advtrain' is not allowed; allowed: a comma"
                + " list of ridge, gf, gd, shrink, each once");
    }

    private static JsonNode waitFor(String id) throws InterruptedException {
        long end = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < end) {
            Http.Answer s = Http.get(base, "/api/simulate/" + id);
            String st = s.json().get("state").asText();
            if (!st.equals("running") && !st.equals("queued")) {
                return s.json();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("simulation " + id + " did not end within 120 s");
    }
}
