package org.advrisk.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advrisk.cli.Main;
import org.advrisk.experiment.SpecReader;
import org.advrisk.explore.ExploreServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same bad value gets the same message at every door that takes the parameter: the CLI flags of each
 * command (exit 2, "advrisk: error: MESSAGE"), a spec field (the reader's IllegalArgumentException), the
 * audit (exit 2) and the explorer's API (HTTP 400, the JSON "message"); values just outside both edges
 * of every declared range are refused and the edges themselves accepted. Companion of
 * {@link ParameterFrontDoorsTest} (which checks the flags of every command and the shared defaults).
 */
class FrontDoorsAgreeTest {
    private static final String[] LINEAR = {"linear", "--n", "20", "--p", "40"};
    private static final String[] THEORY = {"theory", "--n", "20", "--p", "40", "--show", "de"};
    private static final String[] NTK = {"ntk", "--n", "10", "--d", "20", "--test-size", "20"};
    private static final String SIMULATE = "POST /api/simulate";
    private static final String VIEW = "GET /api/theory";
    private static final String LAMBDA_WORDS = "allowed: >= 0, at most 1.0E50";

    /** One bad value, the message every door must give, and the doors that take it. */
    private record Refusal(String name, String bad, String message, List<String[]> cli, boolean spec, boolean audit,
                           List<String> api) {
    }

    private static List<Refusal> refusals() {
        List<String[]> sims = List.of(LINEAR, THEORY, NTK);
        List<String> both = List.of(SIMULATE, VIEW);
        List<Refusal> r = new ArrayList<>();
        for (String name : List.of("lambda", "alpha")) {
            r.add(new Refusal(name, "-1", name + ": -1 is not allowed; " + LAMBDA_WORDS, sims, true, true, both));
            r.add(new Refusal(name, "1e60", name + ": 1.0E60 is too large; " + LAMBDA_WORDS, sims, true, true, both));
        }
        r.add(new Refusal("sigma", "-2", "sigma: -2 is not allowed; " + LAMBDA_WORDS, sims, true, false, both));
        r.add(new Refusal("sigma", "1e60", "sigma: 1.0E60 is too large; " + LAMBDA_WORDS, sims, true, false, both));
        r.add(new Refusal("seed", "x1", "seed: 'x1' is not an integer; allowed: an integer", sims, true, true, both));
        r.add(new Refusal("trials", "0", "trials: 0 is not allowed; allowed: an integer from 1 to 1000000",
                List.of(LINEAR, NTK), true, false, List.of(SIMULATE)));
        r.add(new Refusal("n", "0", "n: 0 is not allowed; allowed: an integer >= 1", sims, true, false, both));
        r.add(new Refusal("test-size", "1", "test-size: 1 is not allowed; allowed: an integer >= 2", List.of(LINEAR, NTK),
                false, false, List.of(SIMULATE)));
        r.add(new Refusal("p", "n^x", "p: 'n^x' is not allowed; allowed: " + SizeExpr.ALLOWED, List.of(LINEAR, THEORY),
                true, false, both));
        r.add(new Refusal("p", "0", "p: 0 is not a positive integer; allowed: " + SizeExpr.ALLOWED,
                List.of(LINEAR, THEORY), true, false, both));
        r.add(new Refusal("design", "cauchy", "design: 'cauchy' is not allowed; allowed: gaussian, rademacher",
                List.<String[]>of(LINEAR), true, false, List.of(SIMULATE)));
        r.add(new Refusal("noise", "cauchy", "noise: 'cauchy' is not allowed; allowed: gaussian, rademacher", sims, true,
                false, both));
        r.add(new Refusal("target", "dirty", "target: 'dirty' is not allowed; allowed: clean, consistent, noisy",
                List.of(LINEAR, THEORY), true, false, both));
        r.add(new Refusal("delta", "0", "delta: 0 is not allowed; allowed: > 0, at most 1.0E50",
                List.<String[]>of(new String[] {"linear", "--n", "20", "--p", "40", "--estimator", "advtrain"}), true,
                false, List.of()));
        return r;
    }

    private static ExploreServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = ExploreServer.start(0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String[] with(String[] base, String flag, String value) {
        List<String> args = new ArrayList<>(List.of(base));
        int i = args.indexOf(flag);
        if (i >= 0) {
            args.set(i + 1, value);
        } else {
            args.add(flag);
            args.add(value);
        }
        return args.toArray(new String[0]);
    }

    /** Exit code and standard error of one command line. */
    private static String[] cli(String... args) {
        var cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), err.toString()};
    }

    private static String spec(String name, String value) {
        String v = value.matches("-?[0-9.e]+") ? value : "\"" + value + "\"";
        String n = name.equals("n") ? v : "[50]";
        String p = name.equals("p") ? v : "\"n^2\"";
        String extra = name.equals("n") || name.equals("p") ? "" : ", \"" + name + "\": " + v;
        if (name.equals("delta")) {
            extra += ", \"estimator\": \"advtrain\"";
        }
        return "{\"n\": " + n + ", \"p\": " + p + ", \"spectrum\": \"isotropic\"" + extra + "}";
    }

    private static JsonNode api(String endpoint, String name, String value) throws Exception {
        HttpResponse<String> a;
        if (endpoint.equals(SIMULATE)) {
            a = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "api/simulate"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(name, value)))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } else {
            a = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "api/theory?" + name + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(a.statusCode()).as("%s %s=%s: %s", endpoint, name, value, a.body()).isEqualTo(400);
        return JSON.readTree(a.body());
    }

    private Path table() throws Exception {
        StringBuilder b = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 30; i++) {
            b.append(i % 7).append(',').append((i * 3) % 5).append(',').append(i % 4).append('\n');
        }
        Path f = dir.resolve("t.csv");
        Files.writeString(f, b.toString());
        return f;
    }

    @Test
    void theSameBadValueGetsTheSameMessageAtEveryDoor() throws Exception {
        Path data = table();
        int doors = 0;
        for (Refusal r : refusals()) {
            String expected = "advrisk: error: " + r.message();
            for (String[] base : r.cli()) {
                String[] args = with(base, "--" + r.name(), r.bad());
                String[] out = cli(args);
                assertThat(out[0]).as("exit code of %s", String.join(" ", args)).isEqualTo("2");
                assertThat(out[1].split("\n")[0].trim()).as(String.join(" ", args)).isEqualTo(expected);
                doors++;
            }
            if (r.spec()) {
                String json = spec(r.name(), r.bad());
                assertThatThrownBy(() -> SpecReader.read(JSON.readTree(json), "t")).as(json).hasMessage(r.message());
                doors++;
            }
            if (r.audit()) {
                String[] out = cli("audit", data.toString(), "--target", "y", "--" + r.name(), r.bad());
                assertThat(out[0]).as("audit --%s %s", r.name(), r.bad()).isEqualTo("2");
                assertThat(out[1].split("\n")[0].trim()).as("audit --%s %s", r.name(), r.bad()).isEqualTo(expected);
                doors++;
            }
            for (String endpoint : r.api()) {
                JsonNode e = api(endpoint, r.name(), r.bad());
                assertThat(e.get("field").asText()).isEqualTo(r.name());
                assertThat(e.get("message").asText()).as("%s %s=%s", endpoint, r.name(), r.bad()).isEqualTo(r.message());
                doors++;
            }
        }
        assertThat(doors).isGreaterThanOrEqualTo(80);
    }

    @Test
    void bothEdgesOfEveryDeclaredRange() {
        for (NumberParam p : List.of(Parameters.LAMBDA, Parameters.ALPHA, Parameters.SIGMA, Parameters.DELTA)) {
            double low = p.exclusiveMin() ? Math.nextUp(p.min()) : p.min();
            assertThat(p.parseList(low + "," + p.max())).as(p.name()).containsExactly(low, p.max());
            assertThatThrownBy(() -> p.parseList(Double.toString(Math.nextDown(p.exclusiveMin() ? low : p.min()))))
                    .as(p.name()).hasMessageStartingWith(p.name() + ": ").hasMessageContaining("is not allowed");
            assertThatThrownBy(() -> p.parseList(Double.toString(Math.nextUp(p.max())))).as(p.name())
                    .hasMessageContaining("is too large");
        }
        for (IntParam p : List.of(Parameters.TRIALS, Parameters.TEST_SIZE, Parameters.N, Parameters.P)) {
            assertThat(p.parse(Long.toString(p.min()))).isEqualTo(p.min());
            assertThat(p.parse(Long.toString(p.max()))).isEqualTo(p.max());
            assertThatThrownBy(() -> p.parse(Long.toString(p.min() - 1))).hasMessage(p.name() + ": " + (p.min() - 1)
                    + " is not allowed; allowed: " + p.allowed());
            assertThatThrownBy(() -> p.parse(Long.toString(p.max() + 1))).hasMessage(p.name() + ": " + (p.max() + 1)
                    + " is not allowed; allowed: " + p.allowed());
        }
        assertThat(Parameters.SEED.parse(Long.toString(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
        assertThat(Parameters.SEED.parse(Long.toString(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theEdgesAreAcceptedAtTheDoorsToo() throws Exception {
        // a spec at both edges of λ, α, σ and trials (read only; nothing runs)
        var spec = SpecReader.read(JSON.readTree("{\"n\": [1], \"p\": 1, \"spectrum\": \"isotropic\", \"lambda\": [0, 1e50],"
                + " \"alpha\": [0, 1e50], \"sigma\": [0, 1e50], \"trials\": 1000000}"), "t");
        assertThat(spec.lambda()).containsExactly(0.0, 1e50);
        assertThat(spec.alpha()).containsExactly(0.0, 1e50);
        assertThat(spec.trials()).isEqualTo(1_000_000);
        // the command line at the top edge of λ and α: finite rows, exit 0
        String[] out = cli("linear", "--n", "10", "--p", "20", "--lambda", "0,1e50", "--alpha", "0,1e50", "--format", "csv");
        assertThat(out[0]).as(out[1]).isEqualTo("0");
    }

    @Test
    void aLeftOutSeedIsOneAtEveryDoor() throws Exception {
        assertThat(Parameters.SEED.defaultValue()).isEqualTo(1);
        assertThat(SpecReader.read(JSON.readTree("{\"n\": 5, \"p\": 10, \"spectrum\": \"isotropic\"}"), "t").seed())
                .isEqualTo(1);
        // the explorer's simulation without a seed gives the rows of `linear --seed 1`, not those of seed 0
        HttpResponse<String> a = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "api/simulate"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"n\": \"20\", \"p\": \"40\", \"lambda\": \"0.1\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(a.statusCode()).as(a.body()).isEqualTo(202);
        String id = JSON.readTree(a.body()).get("id").asText();
        JsonNode job = null;
        for (int k = 0; k < 2400 && (job == null || job.get("state").asText().matches("running|queued")); k++) {
            Thread.sleep(50);
            job = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "api/simulate/" + id)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
        }
        assertThat(job.get("state").asText()).isEqualTo("done");
        double explorer = job.get("result").get("rows").get(0).get("std_risk").asDouble();
        assertThat(explorer).isEqualTo(linearStdRisk("1")).isNotEqualTo(linearStdRisk("0"));
        assertThat(explorer).isEqualTo(linearStdRisk(null));
    }

    /** std_risk of `linear --n 20 --p 40 --lambda 0.1` with the given seed (null: left out). */
    private static double linearStdRisk(String seed) throws Exception {
        List<String> args = new ArrayList<>(List.of("linear", "--n", "20", "--p", "40", "--lambda", "0.1", "--format", "json"));
        if (seed != null) {
            args.add("--seed");
            args.add(seed);
        }
        var cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute(args.toArray(new String[0]))).isZero();
        return JSON.readTree(out.toString()).get(0).get("std_risk").asDouble();
    }
}
