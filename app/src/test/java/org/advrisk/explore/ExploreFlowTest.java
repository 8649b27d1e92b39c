package org.advrisk.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/simulate} with {@code estimator=ridge,gf} and a time list: the rows are those of
 * {@code advrisk linear --estimator ridge,gf}, the gf summary carries time, lambda_equiv and means per t;
 * bad values are refused with 400 naming the parameter.
 */
class ExploreFlowTest {
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
    void gradientFlowSimulationMatchesTheLinearCommand() throws Exception {
        Map<String, String> p = Http.params("spectrum", "powerlaw:a=1,b=0", "n", "30", "p", "90", "lambda", "0,0.1",
                "alpha", "0.2", "trials", "2", "seed", "3", "estimator", "ridge,gf", "time", "1,inf");
        Http.Answer a = Http.post(base, "/api/simulate", p);
        assertThat(a.status()).as(a.body()).isEqualTo(202);
        JsonNode job = waitFor(a.json().get("id").asText());
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
        JsonNode res = job.get("result");
        ExploreApiTest.Cli cli = ExploreApiTest.Cli.run("linear", "--spectrum", "powerlaw:a=1,b=0", "--n", "30", "--p", "90", "--lambda", "0,0.1",
                "--alpha", "0.2", "--trials", "2", "--seed", "3", "--estimator", "ridge,gf", "--time", "1,inf",
                "--format", "json");
        assertThat(cli.code()).as(cli.err()).isZero();
        JsonNode rows = Http.JSON.readTree(cli.out());
        assertThat(res.get("rows")).hasSize(rows.size()).hasSize(2 * 4);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(res.get("rows").get(i).get("adv_risk").asDouble()).isEqualTo(rows.get(i).get("adv_risk").asDouble());
            assertThat(res.get("rows").get(i).get("estimator").asText()).isEqualTo(rows.get(i).get("estimator").asText());
        }
        JsonNode gf = res.get("gf");
        assertThat(gf.get("time").get(0).asDouble()).isEqualTo(1.0);
        assertThat(gf.get("time").get(1).isNull()).isTrue(); // inf
        assertThat(gf.get("lambda_equiv").get(1).asDouble()).isZero();
        double mean = (rows.get(3).get("std_risk").asDouble() + rows.get(7).get("std_risk").asDouble()) / 2;
        assertThat(gf.get("std_risk_mean").get(1).asDouble()).isCloseTo(mean, within(1e-12 * mean));
        // t = inf is λ = 0
        assertThat(gf.get("std_risk_mean").get(1).asDouble()).isEqualTo(res.get("std_risk_mean").get(0).asDouble());
    }

    @Test
    void badEstimatorOrTimeIs400NamingIt() throws Exception {
        String[][] cases = {{"estimator", "gf"}, {"estimator", "lasso"}, {"time", "1"}};
        String[] fields = {"time", "estimator", "time"};
        for (int i = 0; i < cases.length; i++) {
            Map<String, String> p = Http.params("n", "20", "p", "40", cases[i][0], cases[i][1]);
            Http.Answer a = Http.post(base, "/api/simulate", p);
            assertThat(a.status()).as(a.body()).isEqualTo(400);
            assertThat(a.json().toString()).contains("\"" + fields[i] + "\"");
        }
        Http.Answer neg = Http.post(base, "/api/simulate", Http.params("n", "20", "p", "40", "estimator", "gf", "time",
                "1,-1"));
        assertThat(neg.status()).isEqualTo(400);
        assertThat(neg.body()).contains("time");
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
