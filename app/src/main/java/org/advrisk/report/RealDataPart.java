package org.advrisk.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.advrisk.audit.RealDataClaims;
import org.advrisk.experiment.Json;
import org.advrisk.io.AtomicFiles;
import org.advrisk.io.JsonMappers;
import org.advrisk.stats.Criterion;
import org.advrisk.stats.Interval;
import org.advrisk.stats.Verdict;

/**
 * The reproduction part "on real data": claims (i) and (ii) on shipped spectra ({@link RealDataClaims} with its
 * defaults), written once to {@code real-data.json} (verdicts with every criterion's interval) and
 * {@code real-data.csv} (one row per data set and α); the report re-reads the JSON. Rerunning keeps a complete
 * earlier file.
 */
public final class RealDataPart {
    /** The verdict file. */
    public static final String JSON = "real-data.json";
    /** The summary table. */
    public static final String CSV = "real-data.csv";
    static final String FORMAT = "advrisk-real-data/1";

    private RealDataPart() {
    }

    /** Computes and writes the part's files into {@code dir} unless a complete earlier result is there. */
    public static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (complete(dir)) {
            return;
        }
        List<RealDataClaims.Result> vs = RealDataClaims.run(RealDataClaims.defaultCases(), RealDataClaims.Settings.DEFAULT);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        ArrayNode arr = root.putArray("verdicts");
        StringBuilder csv = new StringBuilder("dataset,n_train,n_test,p,splits,attack,alpha,lambda_std,lambda_adv,"
                + "test_mse_at_0,adv_test_mse_at_0,min_test_mse,min_adv_test_mse,claim_i,claim_ii,"
                + "r0_over_min,r0_over_min_lo,r0_over_min_hi,adv0_over_min,adv0_over_min_lo,adv0_over_min_hi,"
                + "a,a_lo,a_hi,s,s_lo,s_hi\n");
        for (RealDataClaims.Result v : vs) {
            ObjectNode n = arr.addObject();
            n.put("dataset", v.name());
            n.put("n_train", v.nTrain());
            n.put("n_test", v.nTest());
            n.put("p", v.p());
            n.put("splits", v.splits());
            n.put("attack", v.attack());
            n.put("alpha", v.alpha());
            n.put("lambda_std", v.lambdaStd());
            n.put("lambda_adv", v.lambdaAdv());
            n.put("test_mse_at_0", v.testAtZero());
            n.put("adv_test_mse_at_0", v.advAtZero());
            n.put("min_test_mse", v.minTest());
            n.put("min_adv_test_mse", v.minAdv());
            criteria(n.putArray("claim_i"), v.one());
            criteria(n.putArray("claim_ii"), v.two());
            csv.append(String.join(",", v.name(), "" + v.nTrain(), "" + v.nTest(), "" + v.p(), "" + v.splits(),
                    v.attack(), d(v.alpha()), d(v.lambdaStd()), d(v.lambdaAdv()), d(v.testAtZero()), d(v.advAtZero()),
                    d(v.minTest()), d(v.minAdv()), v.claimOne().decision().word(), v.claimTwo().decision().word()));
            for (Criterion c : concat(v.one(), v.two())) {
                csv.append(',').append(d(c.interval().estimate())).append(',').append(d(c.interval().lo())).append(',')
                        .append(d(c.interval().hi()));
            }
            csv.append('\n');
        }
        AtomicFiles.write(dir.resolve(CSV), csv.toString());
        AtomicFiles.write(dir.resolve(JSON), JsonMappers.PRETTY.writeValueAsString(root) + "\n");
    }

    /** True when {@code dir} holds a readable verdict file of this format. */
    static boolean complete(Path dir) {
        try {
            return Files.isRegularFile(dir.resolve(CSV)) && FORMAT.equals(Json.MAPPER.readTree(dir.resolve(JSON).toFile())
                    .path("format").asText()) && !verdicts(dir).isEmpty();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The verdicts stored in {@code dir}: per data set and α, claim (i) then claim (ii). */
    public static List<Verdict> verdicts(Path dir) throws IOException {
        JsonNode root = Json.MAPPER.readTree(dir.resolve(JSON).toFile());
        List<Verdict> out = new ArrayList<>();
        for (JsonNode n : root.path("verdicts")) {
            RealDataClaims.Result r = RealDataClaims.Result.of(n.path("dataset").asText(), n.path("n_train").asInt(),
                    n.path("n_test").asInt(), n.path("p").asInt(), n.path("splits").asInt(), n.path("attack").asText(),
                    n.path("alpha").asDouble(), n.path("lambda_std").asDouble(), n.path("lambda_adv").asDouble(),
                    n.path("test_mse_at_0").asDouble(), n.path("adv_test_mse_at_0").asDouble(),
                    n.path("min_test_mse").asDouble(), n.path("min_adv_test_mse").asDouble(),
                    criteria(n.path("claim_i")), criteria(n.path("claim_ii")));
            out.add(r.claimOne());
            out.add(r.claimTwo());
        }
        return out;
    }

    private static void criteria(ArrayNode a, List<Criterion> cs) {
        for (Criterion c : cs) {
            ObjectNode o = a.addObject();
            o.put("name", c.name());
            o.put("estimate", c.interval().estimate());
            o.put("lo", c.interval().lo());
            o.put("hi", c.interval().hi());
            o.put("level", c.interval().level());
            o.put("above", c.above());
            o.put("threshold", c.threshold());
        }
    }

    private static List<Criterion> criteria(JsonNode a) {
        List<Criterion> out = new ArrayList<>();
        for (JsonNode o : a) {
            out.add(new Criterion(o.path("name").asText(), new Interval(o.path("estimate").asDouble(Double.NaN),
                    o.path("lo").asDouble(Double.NaN), o.path("hi").asDouble(Double.NaN), o.path("level").asDouble()),
                    o.path("above").asBoolean(), o.path("threshold").asDouble()));
        }
        return out;
    }

    private static List<Criterion> concat(List<Criterion> a, List<Criterion> b) {
        List<Criterion> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String d(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }
}
