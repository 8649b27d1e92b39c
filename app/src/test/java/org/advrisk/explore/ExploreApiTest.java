package org.advrisk.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.advrisk.cli.Main;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;
import org.advrisk.theory.DePoint;
import org.advrisk.theory.DeterministicEquivalent;
import org.advrisk.theory.DimensionRule;
import org.advrisk.theory.TheoryProblem;
import org.advrisk.theory.TheorySpectrum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The explorer's JSON API against a server on a free port: values, validation, limits, files, binding. */
class ExploreApiTest extends ExplorerServerFixture {
    private static final Map<String, String> VIEW = Http.params("spectrum", "twolevel:spikes=10,spike=1,tail=1",
            "theta", "top:k=10,norm=1", "p", "n^2", "n", "400", "sigma", "0.5", "lambda", "0.01", "alpha", "0.25",
            "attack", "l2", "target", "clean", "n-grid", "100,400,1600");

    private static JsonNode theory(Map<String, String> params) {
        Http.Answer a = Http.get(base, "/api/theory?" + Http.query(params));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/json");
        return a.json();
    }

    private static Map<String, String> with(Map<String, String> p, String... kv) {
        Map<String, String> m = new LinkedHashMap<>(p);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    record Cli(int code, String out, String err) {
        static Cli run(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            return new Cli(cl.execute(args), out.toString(), err.toString());
        }
    }

    @Test
    void listensOn127001Only() throws Exception {
        assertThat(server.boundHosts()).containsExactly("127.0.0.1");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), server.port()), 2000);
            assertThat(s.isConnected()).isTrue();
        }
        // Every other address of this machine (other interfaces, ::1) must refuse the same port.
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (!a.getHostAddress().equals("127.0.0.1")) {
                    others.add(a);
                }
            }
        }
        assertThat(others).as("the machine has some address besides 127.0.0.1 (at least ::1 or an interface)").isNotEmpty();
        for (InetAddress a : others) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(a, server.port()), 2000);
                throw new AssertionError("the explorer answered on " + a + ":" + server.port());
            } catch (ConnectException | java.net.NoRouteToHostException | java.net.SocketTimeoutException expected) {
                // refused: nothing listens there
            } catch (java.net.SocketException unreachable) {
                assertThat(a).as("only link-local IPv6 may be unreachable instead of refusing: " + unreachable)
                        .isNotInstanceOf(Inet4Address.class);
            }
        }
    }

    @Test
    void theoryEqualsTheoryCommandForTheSamePoint() throws Exception {
        JsonNode v = theory(VIEW);
        Cli cli = Cli.run("theory", "--spectrum", "twolevel:spikes=10,spike=1,tail=1", "--theta", "top:k=10,norm=1",
                "--p", "n^2", "--n-grid", "100,400,1600", "--sigma", "0.5", "--lambda", "0.01", "--alpha", "0.25",
                "--attack", "l2", "--target", "clean", "--show", "ranks,de,tradeoff", "--format", "json");
        assertThat(cli.code()).as(cli.err()).isZero();
        JsonNode doc = Http.JSON.readTree(cli.out());
        JsonNode de = null;
        for (JsonNode r : doc.get("de")) {
            if (r.get("n").asLong() == 400) {
                de = r;
            }
        }
        assertThat(de).isNotNull();
        // Same formulas, same inputs: the numbers are identical (JSON round-trips doubles exactly).
        JsonNode c = v.get("chosen");
        assertThat(c.get("std_risk").asDouble()).isEqualTo(de.get("std_risk").asDouble());
        assertThat(c.get("adv_risk").asDouble()).isEqualTo(de.get("adv_risk").asDouble());
        assertThat(c.get("norm_l2").asDouble()).isEqualTo(de.get("norm_l2").asDouble());
        assertThat(c.get("kappa").asDouble()).isEqualTo(de.get("kappa").asDouble());
        assertThat(c.get("gt_adv_risk").asDouble()).isEqualTo(de.get("gt_adv_risk").asDouble());
        JsonNode trade = v.get("tradeoff");
        JsonNode byN = v.get("by_n");
        assertThat(byN).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode t = doc.get("tradeoff").get(i);
            JsonNode rk = doc.get("ranks").get(i);
            JsonNode row = byN.get(i);
            assertThat(row.get("n").asLong()).isEqualTo(t.get("n").asLong());
            assertThat(row.get("A").asDouble()).isEqualTo(t.get("A").asDouble());
            assertThat(row.get("S").asDouble()).isEqualTo(t.get("S").asDouble());
            assertThat(row.get("adv_risk").asDouble()).isEqualTo(t.get("min_norm_adv_risk").asDouble());
            assertThat(row.get("r0_over_n").asDouble()).isEqualTo(rk.get("r0_over_n").asDouble());
            assertThat(row.get("k_star_over_n").asDouble()).isEqualTo(rk.get("k_star_over_n").asDouble());
            assertThat(row.get("n_over_R_k_star").asDouble()).isEqualTo(rk.get("n_over_R_k_star").asDouble());
            if (t.get("n").asLong() == 400) {
                assertThat(trade.get("A").asDouble()).isEqualTo(t.get("A").asDouble());
                assertThat(trade.get("lambda_std").asDouble()).isEqualTo(t.get("lambda_std").asDouble());
            }
        }
        assertThat(v.get("diagnosis").get("verdict").asText()).isEqualTo(doc.get("diagnosis").get("verdict").asText());
        assertThat(v.get("diagnosis").get("reason").asText()).isEqualTo(doc.get("diagnosis").get("reason").asText());

        // And DeterministicEquivalent called directly at the same point, over the whole λ path.
        TheorySpectrum ts = TheoryProblem.spectrum(SpectrumSpec.parse("twolevel:spikes=10,spike=1,tail=1"),
                GroundTruthSpec.parse("top:k=10,norm=1"), DimensionRule.parse("n^2"), 400, 0,
                TheorySpectrum.DEFAULT_TRUNCATION);
        DeterministicEquivalent eq = new DeterministicEquivalent(ts, 400, 0.5);
        JsonNode path = v.get("path");
        for (int i = 0; i < path.get("lambda").size(); i += 17) {
            DePoint d = eq.at(path.get("lambda").get(i).asDouble());
            // the API evaluates the path with warm-started Newton, at() starts cold: both stop at a
            // relative correction of 1e-14, so the risks agree to ~1e-12 relative.
            assertThat(path.get("std_risk").get(i).asDouble()).isCloseTo(d.stdRisk(), within(1e-12 * d.stdRisk()));
            double adv = d.adversarialRisk(AttackNorm.L2, Target.CLEAN, 0.25, Distribution.GAUSSIAN);
            assertThat(path.get("adv_risk").get(i).asDouble()).isCloseTo(adv, within(1e-12 * adv));
        }
    }

    @Test
    void isotropicMinNormMatchesTheClosedForm() {
        // Σ = I, p = 4n, λ = 0: κ = γ − 1, R = ‖θ*‖²(1 − 1/γ) + σ²/(γ − 1), ‖θ̂‖² = ‖θ*‖²/γ + σ²/(γ − 1)
        // (Marchenko–Pastur limits, which the deterministic equivalent reproduces exactly); l2, clean:
        // R_α = R + 2α√(2/π)√(R‖θ̂‖²) + α²‖θ̂‖². Tolerance 1e-12: the root κ is solved to 1e-14 relative.
        JsonNode v = theory(Http.params("spectrum", "isotropic", "p", "4n", "n", "200", "theta", "top:k=1,norm=1",
                "sigma", "0.5", "lambda", "0", "alpha", "0.3"));
        double g = 4;
        double r = (1 - 1 / g) + 0.25 / (g - 1);
        double norm = 1 / g + 0.25 / (g - 1);
        double adv = r + 2 * 0.3 * Math.sqrt(2 / Math.PI) * Math.sqrt(r * norm) + 0.09 * norm;
        JsonNode c = v.get("chosen");
        assertThat(c.get("kappa").asDouble()).isCloseTo(g - 1, within(1e-12));
        assertThat(c.get("std_risk").asDouble()).isCloseTo(r, within(1e-12));
        assertThat(c.get("norm_sq").asDouble()).isCloseTo(norm, within(1e-12));
        assertThat(c.get("adv_risk").asDouble()).isCloseTo(adv, within(1e-12));
        assertThat(c.get("gt_adv_risk").asDouble()).isCloseTo(0.09, within(1e-15));
    }

    static Stream<Arguments> badTheoryValues() {
        return Stream.of(
                Arguments.of("spectrum", "cubic"), Arguments.of("spectrum", "twolevel:spikes=10,spike=-1,tail=1"),
                Arguments.of("spectrum", "powerlaw:a=1,c=2"), Arguments.of("spectrum", "file:/etc/passwd"),
                Arguments.of("theta", "top:k=0,norm=1"), Arguments.of("theta", "middle:k=1"),
                Arguments.of("theta", "file:/etc/passwd"), Arguments.of("p", "abc"), Arguments.of("p", "n^0"),
                Arguments.of("p", "-3"), Arguments.of("n", "0"), Arguments.of("n", "abc"), Arguments.of("n", "1e99"),
                Arguments.of("n", "20000000"), Arguments.of("sigma", "-1"), Arguments.of("sigma", "NaN"),
                Arguments.of("sigma", "x"), Arguments.of("noise", "cauchy"), Arguments.of("design", "uniform"),
                Arguments.of("seed", "one"), Arguments.of("lambda", "-1"), Arguments.of("lambda", "0.1,0.2"),
                Arguments.of("lambda", "x"), Arguments.of("alpha", "-0.1"), Arguments.of("alpha", "1,2"),
                Arguments.of("attack", "l3"), Arguments.of("attack", "lp:3"), Arguments.of("attack", "l2,linf"),
                Arguments.of("target", "dirty"), Arguments.of("target", "clean,noisy"),
                Arguments.of("tradeoff-lambda", "logspace:-8,1"), Arguments.of("tradeoff-lambda", "-1"),
                Arguments.of("tradeoff-lambda", "logspace:-8,1,500"), Arguments.of("n-grid", "400,100"),
                Arguments.of("n-grid", "0,10"), Arguments.of("n-grid", "1,2,3,4,5,6,7,8,9,10,11,12,13"),
                Arguments.of("b", "0"), Arguments.of("b", "x"), Arguments.of("truncation", "0"),
                Arguments.of("truncation", "2000000"),
                // refused while computing, by the core, under the parameter its message names
                Arguments.of("p", "5"), Arguments.of("theta", "top:k=50000,norm=1"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badTheoryValues")
    void everyBadTheoryValueIs400NamingItsField(String field, String value) {
        Http.Answer a = Http.get(base, "/api/theory?" + Http.query(with(VIEW, field, value)));
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        JsonNode e = a.json();
        assertThat(e.get("field").asText()).isEqualTo(field);
        assertThat(e.get("value").asText()).isEqualTo(value);
        assertThat(e.get("allowed").asText()).isNotBlank();
        assertThat(e.get("message").asText()).startsWith(field + ":").doesNotContain("Exception").doesNotContain("\n");
    }

    static Stream<Arguments> sameMessageAsTheCli() {
        return Stream.of(Arguments.of("spectrum", "cubic"), Arguments.of("theta", "top:k=0,norm=1"),
                Arguments.of("p", "abc"), Arguments.of("sigma", "-1"), Arguments.of("noise", "cauchy"),
                Arguments.of("lambda", "-1"), Arguments.of("alpha", "-0.1"), Arguments.of("attack", "lp:3"),
                Arguments.of("target", "dirty"), Arguments.of("tradeoff-lambda", "logspace:-8,1"),
                Arguments.of("n-grid", "400,100"), Arguments.of("b", "0"), Arguments.of("truncation", "0"),
                Arguments.of("p", "5"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("sameMessageAsTheCli")
    void theMessageIsTheCommandLines(String field, String value) {
        Http.Answer a = Http.get(base, "/api/theory?" + Http.query(with(VIEW, field, value)));
        assertThat(a.status()).isEqualTo(400);
        List<String> args = new ArrayList<>(List.of("theory", "--show", "de", "--format", "csv"));
        for (Map.Entry<String, String> e : with(VIEW, field, value).entrySet()) {
            if (!e.getKey().equals("n") || field.equals("n-grid")) {
                args.add("--" + e.getKey());
                args.add(e.getValue());
            }
        }
        if (!field.equals("n-grid")) {
            args.add("--n");
            args.add("400");
            args.remove("--n-grid");
            args.remove("100,400,1600");
        }
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertThat(cli.code()).isEqualTo(2);
        assertThat(cli.err().trim()).isEqualTo("advrisk: error: " + a.json().get("message").asText());
    }

    @Test
    void unknownAndRepeatedParametersAreRefused() {
        Http.Answer a = Http.get(base, "/api/theory?n=100&colour=red");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("field").asText()).isEqualTo("colour");
        assertThat(a.json().get("allowed").asText()).contains("spectrum").contains("tradeoff-lambda");
        Http.Answer b = Http.get(base, "/api/theory?n=100&n=200");
        assertThat(b.status()).isEqualTo(400);
        assertThat(b.json().get("field").asText()).isEqualTo("n");
        assertThat(b.json().get("message").asText()).contains("given 2 times");
    }

    @Test
    void minNormWithTooFewFeaturesNamesLambda() {
        Http.Answer a = Http.get(base, "/api/theory?" + Http.query(with(VIEW, "p", "200", "lambda", "0")));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("field").asText()).isEqualTo("lambda");
        assertThat(a.json().get("message").asText()).contains("more than n=400 positive eigenvalues");
    }

    @Test
    void aTheoryOverTheCostLimitIsRefused() {
        // powerlaw with p = n² (all explicit below P = 10⁶) over 122 λ at n = 400 and the grid 100, 200, 400:
        // (1.6e5 + 1e4 + 4e4 + 1.6e5) · 122 = 4.5e7 group passes, beyond the limit of 4e7.
        Http.Answer a = Http.get(base, "/api/theory?" + Http.query(Http.params("spectrum", "powerlaw:a=1,b=2",
                "p", "n^2", "n", "400", "n-grid", "100,200,400")));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("field").asText()).isEqualTo("p");
        assertThat(a.json().get("message").asText()).contains("more than the explorer's limit 4.0e+07");
        // The same with the truncation setting the size.
        Http.Answer b = Http.get(base, "/api/theory?" + Http.query(Http.params("spectrum", "powerlaw:a=1,b=2",
                "p", "inf", "n", "400", "truncation", "1000000")));
        assertThat(b.status()).isEqualTo(400);
        assertThat(b.json().get("field").asText()).isEqualTo("truncation");
        assertThat(b.json().get("value").asText()).isEqualTo("1000000");
        // Under the limit it is served.
        assertThat(theory(Http.params("spectrum", "powerlaw:a=1,b=2", "p", "inf", "n", "400", "truncation", "5000"))
                .get("p").asText()).isEqualTo("inf");
    }

    static Stream<Arguments> badSimulationValues() {
        return Stream.of(Arguments.of("n", "3000"), Arguments.of("n", "0"), Arguments.of("trials", "0"),
                Arguments.of("trials", "500"), Arguments.of("lambda", "logspace:-4,1,61"), Arguments.of("lambda", "-2"),
                Arguments.of("attack", "l3"), Arguments.of("design", "uniform"), Arguments.of("p", "inf"),
                Arguments.of("test-size", "1"), Arguments.of("spectrum", "file:/etc/passwd"),
                Arguments.of("theta", "random:k=0,norm=1"), Arguments.of("sigma", "-1"), Arguments.of("alpha", "0.1,0.2"),
                Arguments.of("target", "x"), Arguments.of("seed", "1.5"), Arguments.of("noise", "x"),
                Arguments.of("p", "5"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badSimulationValues")
    void everyBadSimulationValueIs400NamingItsField(String field, String value) {
        Map<String, String> p = with(Http.params("spectrum", "twolevel:spikes=10,spike=1,tail=1", "theta",
                "top:k=10,norm=1", "n", "50", "p", "200", "trials", "2", "lambda", "0,0.1"), field, value);
        Http.Answer a = Http.post(base, "/api/simulate", p);
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.json().get("field").asText()).isEqualTo(field);
        assertThat(a.json().get("value").asText()).isEqualTo(value);
        assertThat(a.json().get("message").asText()).startsWith(field + ":");
        assertThat(server.activeSimulations()).isZero();
    }

    @Test
    void aSimulationOverTheCostLimitIsRefusedBeforeItStarts() {
        // linf needs θ̂ itself, so all p = 200000 features are streamed: 2000² · 2e5 = 8e11 flops > 1e11.
        Http.Answer a = Http.post(base, "/api/simulate", Http.params("spectrum", "isotropic", "n", "2000",
                "p", "200000", "attack", "linf", "trials", "1"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("field").asText()).isEqualTo("p");
        assertThat(a.json().get("message").asText()).contains("8.0e+11 Gram flops").contains("limits 1.0e+11 flops");
        // The exact Wishart tail makes p free, but 200 training sets of n = 2000 still cost 200 · n²(n + 10) > 1e11.
        Http.Answer b = Http.post(base, "/api/simulate", Http.params("spectrum", "twolevel:spikes=10,spike=1,tail=1",
                "n", "2000", "p", "n^2", "trials", "200"));
        assertThat(b.status()).isEqualTo(400);
        assertThat(b.json().get("message").asText()).contains("1.6e+12 Gram flops");
        assertThat(server.activeSimulations()).isZero();
    }

    @Test
    void aSimulationGivesTheRowsOfAdvriskLinearWithMeansAndStandardErrors() throws Exception {
        Map<String, String> p = Http.params("spectrum", "powerlaw:a=1,b=0", "theta", "random:k=5,norm=1", "n", "40",
                "p", "120", "sigma", "0.5", "lambda", "0,0.1", "alpha", "0.2", "attack", "linf", "target", "clean",
                "trials", "3", "seed", "7");
        Http.Answer a = Http.post(base, "/api/simulate", p);
        assertThat(a.status()).as(a.body()).isEqualTo(202);
        JsonNode job = waitFor(a.json().get("id").asText());
        assertThat(job.get("state").asText()).isEqualTo("done");
        assertThat(job.get("done").asInt()).isEqualTo(3);
        JsonNode res = job.get("result");
        Cli cli = Cli.run("linear", "--spectrum", "powerlaw:a=1,b=0", "--theta", "random:k=5,norm=1", "--n", "40",
                "--p", "120", "--sigma", "0.5", "--lambda", "0,0.1", "--alpha", "0.2", "--attack", "linf", "--target",
                "clean", "--trials", "3", "--seed", "7", "--format", "json");
        assertThat(cli.code()).as(cli.err()).isZero();
        JsonNode rows = Http.JSON.readTree(cli.out());
        JsonNode simRows = res.get("rows");
        assertThat(simRows).hasSize(rows.size()).hasSize(6);
        for (int i = 0; i < rows.size(); i++) {
            // bit-identical: same streams (seed, trial), any thread count
            assertThat(simRows.get(i).get("std_risk").asDouble()).isEqualTo(rows.get(i).get("std_risk").asDouble());
            assertThat(simRows.get(i).get("adv_risk").asDouble()).isEqualTo(rows.get(i).get("adv_risk").asDouble());
            assertThat(simRows.get(i).get("trial").asInt()).isEqualTo(rows.get(i).get("trial").asInt());
        }
        // mean and standard error recomputed here from the CLI's rows (two λ per trial, λ = 0 first)
        for (int li = 0; li < 2; li++) {
            double[] x = new double[3];
            for (int t = 0; t < 3; t++) {
                x[t] = rows.get(2 * t + li).get("adv_risk").asDouble();
            }
            double mean = (x[0] + x[1] + x[2]) / 3;
            double var = 0;
            for (double xi : x) {
                var += (xi - mean) * (xi - mean);
            }
            double se = Math.sqrt(var / 2 / 3);
            assertThat(res.get("adv_risk_mean").get(li).asDouble()).isCloseTo(mean, within(1e-12 * mean));
            assertThat(res.get("adv_risk_se").get(li).asDouble()).isCloseTo(se, within(1e-9 * se));
        }
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

    @Test
    void atMostTwoSimulationsRunAtOnceAndCancelFreesTheSlot() throws Exception {
        // Slow on purpose: linf streams every feature (n²p = 1.2e10 flops per training set), 8 sets = 9.6e10 flops.
        Map<String, String> slow = Http.params("spectrum", "isotropic", "n", "500", "p", "48000", "attack", "linf",
                "trials", "8", "lambda", "0.1");
        Http.Answer a = Http.post(base, "/api/simulate", slow);
        Http.Answer b = Http.post(base, "/api/simulate", slow);
        assertThat(a.status()).as(a.body()).isEqualTo(202);
        assertThat(b.status()).as(b.body()).isEqualTo(202);
        try {
            Http.Answer c = Http.post(base, "/api/simulate", slow);
            assertThat(c.status()).isEqualTo(429);
            assertThat(c.json().get("field").asText()).isEqualTo("simulate");
            assertThat(c.json().get("message").asText())
                    .isEqualTo("simulate: 2 simulations are already running; wait for one to finish or cancel it");
        } finally {
            assertThat(Http.delete(base, "/api/simulate/" + a.json().get("id").asText()).status()).isEqualTo(200);
            assertThat(Http.delete(base, "/api/simulate/" + b.json().get("id").asText()).status()).isEqualTo(200);
        }
        JsonNode ja = waitFor(a.json().get("id").asText());
        JsonNode jb = waitFor(b.json().get("id").asText());
        assertThat(ja.get("state").asText()).isEqualTo("cancelled");
        assertThat(jb.get("state").asText()).isEqualTo("cancelled");
        assertThat(ja.get("done").asInt()).isLessThan(8);
        long end = System.nanoTime() + 10_000_000_000L;
        while (server.activeSimulations() > 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(server.activeSimulations()).isZero();
        assertThat(Http.get(base, "/api/simulate/999999").status()).isEqualTo(404);
    }

    @Test
    void onlyTheFixedFilesAreServedAndTraversalGetsNothing() throws Exception {
        Http.Answer page = Http.get(base, "/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        // The page loads nothing from the network: every src/href is a relative path on this server.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        int refs = 0;
        while (m.find()) {
            if (m.group(1).startsWith("data:")) {
                continue; // the empty inline icon: no request at all
            }
            refs++;
            assertThat(m.group(1)).doesNotContain("//").doesNotStartWith("/");
            assertThat(Http.get(base, "/" + m.group(1)).status()).as(m.group(1)).isEqualTo(200);
        }
        assertThat(refs).isEqualTo(5); // style, ECharts, lists.js, explore.js, explore-more.js
        assertThat(Http.get(base, "/webjars/echarts/5.3.1/dist/echarts.min.js").contentType()).startsWith("text/javascript");
        // Paths that stay under the root but name no served file: 404.
        for (String p : List.of("/pom.xml", "/simplelogger.properties", "/org/advrisk/explore/web/index.html",
                "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js", "/webjars/echarts/5.3.1/package.json",
                "/..%2f..%2fetc%2fpasswd", "/%5c..%5c..%5cetc%5cpasswd", "/index.html/..", "/api/nothing")) {
            assertThat(Http.rawStatus(server.port(), p)).as(p).isEqualTo(404);
        }
        // Paths that climb above the root: Jetty refuses them (400) before any handler runs.
        for (String p : List.of("/../pom.xml", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                "/webjars/../../etc/passwd", "/explore.js/../../app/pom.xml")) {
            assertThat(Http.rawStatus(server.port(), p)).as(p).isIn(400, 404);
        }
    }

    @Test
    void badPortsAreOneLineErrorsWithExitCode2() throws Exception {
        Cli a = Cli.run("explore", "--port", "70000");
        assertThat(a.code()).isEqualTo(2);
        assertThat(a.err().trim()).isEqualTo("advrisk: error: port: 70000 must be between 0 and 65535 (0 = a free port)");
        Cli b = Cli.run("explore", "--port", String.valueOf(server.port()));
        assertThat(b.code()).isEqualTo(2);
        assertThat(b.err().trim()).isEqualTo("advrisk: error: port: " + server.port() + " is in use on 127.0.0.1;"
                + " give another --port, or --port 0 for a free one");
    }

    @Test
    void limitsAreServed() {
        JsonNode l = Http.get(base, "/api/limits").json();
        assertThat(l.get("max_concurrent_simulations").asInt()).isEqualTo(Limits.MAX_CONCURRENT_SIMULATIONS);
        assertThat(l.get("max_sim_flops").asDouble()).isEqualTo(Limits.MAX_SIM_FLOPS);
    }
}
