package org.advrisk.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /api/simulate-ntk}: the rows of {@code advrisk ntk --width inf}, its means and errors, its refusals. */
class ExploreNtkSimulationTest extends ExplorerServerFixture {
    @Test
    void aKernelSimulationGivesTheRowsOfAdvriskNtkWithMeansAndStandardErrors() throws Exception {
        Map<String, String> p = Http.params("spectrum", "twolevel:spikes=5,spike=1,tail=1", "theta", "top:k=1,norm=1",
                "n", "40", "d", "60", "sigma", "0.5", "noise", "gaussian", "seed", "3", "lambda", "0,0.1", "alpha", "0.2",
                "attack", "l2", "trials", "3", "test-size", "40");
        Http.Answer a = Http.post(base, "/api/simulate-ntk", p);
        assertThat(a.status()).as(a.body()).isEqualTo(202);
        JsonNode job = waitFor(a.json().get("id").asText());
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.get("kind").asText()).isEqualTo("ntk");
        JsonNode res = job.get("result");
        ExploreApiTest.Cli cli = ExploreApiTest.Cli.run("ntk", "--n", "40", "--d", "60", "--spectrum",
                "twolevel:spikes=5,spike=1,tail=1", "--theta", "top:k=1,norm=1", "--sigma", "0.5", "--noise", "gaussian",
                "--seed", "3", "--width", "inf", "--lambda", "0,0.1", "--alpha", "0.2", "--attack", "l2", "--test-size",
                "40", "--trials", "3", "--format", "json");
        assertThat(cli.code()).as(cli.err()).isZero();
        JsonNode rows = Http.JSON.readTree(cli.out());
        JsonNode simRows = res.get("rows");
        assertThat(simRows).hasSize(rows.size()).hasSize(6);
        for (int i = 0; i < rows.size(); i++) {
            // bit-identical: same streams (seed, trial)
            for (String col : new String[] {"trial", "lambda", "std_risk", "adv_risk", "norm_l2", "train_mse"}) {
                assertThat(simRows.get(i).get(col).asDouble()).as(col + " row " + i)
                        .isEqualTo(rows.get(i).get(col).asDouble());
            }
        }
        // means and standard errors recomputed here from the CLI's rows (two λ per trial, λ = 0 first)
        for (int li = 0; li < 2; li++) {
            double[] x = new double[3];
            double[] g = new double[3];
            for (int t = 0; t < 3; t++) {
                x[t] = rows.get(2 * t + li).get("adv_risk").asDouble();
                double nl = rows.get(2 * t + li).get("norm_l2").asDouble();
                g[t] = nl * nl;
            }
            double mean = (x[0] + x[1] + x[2]) / 3;
            double var = 0;
            for (double xi : x) {
                var += (xi - mean) * (xi - mean);
            }
            double se = Math.sqrt(var / 2 / 3);
            assertThat(res.get("adv_risk_mean").get(li).asDouble()).isCloseTo(mean, within(1e-12 * mean));
            assertThat(res.get("adv_risk_se").get(li).asDouble()).isCloseTo(se, within(1e-9 * se));
            double gm = (g[0] + g[1] + g[2]) / 3;
            assertThat(res.get("norm_sq_mean").get(li).asDouble()).isCloseTo(gm, within(1e-12 * gm));
        }
    }

    @Test
    void aTooExpensiveKernelSimulationIsRefusedNamingTheParameter() {
        long before = server.submittedSimulations();
        // Gram and eigendecomposition dominate: n = 2000, d = 200000 is 8e11 flops per fit
        Http.Answer a = Http.post(base, "/api/simulate-ntk", Http.params("n", "2000", "d", "200000", "lambda", "0",
                "trials", "1", "test-size", "2"));
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.json().get("field").asText()).isEqualTo("n");
        assertThat(a.json().get("message").asText()).startsWith("n: 2000 with n=2000, d=200000").contains("4.0e+11");
        // PGD on the test points dominates: 100000 test points × n·d × 121 per λ
        Http.Answer b = Http.post(base, "/api/simulate-ntk", Http.params("n", "100", "d", "4000", "lambda", "0",
                "trials", "1", "test-size", "100000"));
        assertThat(b.status()).as(b.body()).isEqualTo(400);
        assertThat(b.json().get("field").asText()).isEqualTo("test-size");
        assertThat(b.json().get("message").asText()).startsWith("test-size: 100000 with n=100");
        // a bad value names its field too, and nothing was started
        Http.Answer c = Http.post(base, "/api/simulate-ntk", Http.params("attack", "l7"));
        assertThat(c.status()).isEqualTo(400);
        assertThat(c.json().get("field").asText()).isEqualTo("attack");
        assertThat(server.submittedSimulations()).isEqualTo(before);
    }

    @Test
    void thePricingCountsGramEigendecompositionAndPgd() {
        // n²d + n³ per fit (the kernel and the linear reference), test-size·n·d·(1 + 2·3·20) per λ
        double n = 50;
        double d = 30;
        double fit = n * n * d + n * n * n;
        assertThat(NtkSimulation.trialFlops(50, 30, 2, 10)).isEqualTo(fit + 2 * (fit + 10 * n * d * 121));
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
