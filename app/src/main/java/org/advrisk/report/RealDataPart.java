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
import org.advrisk.stats.Decision;
import org.advrisk.stats.Interval;

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

    /** Rule, in words. */
    public static final String RULE = "Random train/test splits of a shipped data set (features z-scored with the"
            + " training statistics, free unpenalised intercept, l2 attack with α in standardised units, certified"
            + " adversarial test MSE (|r| + α‖θ̂‖₂)²); the ridge path λ ∈ {0} ∪ logspace(−8, 2, 41), λ = 0 the"
            + " minimum-norm interpolator (p > n_train). Ratios of mean test MSEs over the splits with 95% bootstrap"
            + " intervals (splits resampled, B = " + org.advrisk.stats.Bootstrap.DEFAULT_REPLICATES + ", argmins"
            + " recomputed). Claim (i) HOLDS when R(0)/min_λ R < " + RealDataClaims.THRESHOLD + " (the interpolator is"
            + " nearly as accurate as the best ridge) and R_α(0)/min_λ R_α > " + RealDataClaims.THRESHOLD + " (but"
            + " fragile); claim (ii) HOLDS when A > " + RealDataClaims.THRESHOLD + " and S > "
            + RealDataClaims.THRESHOLD + ". One training size, so no trend over n; R is measured against the label"
            + " (no ground truth); the splits share rows, so the intervals understate the uncertainty about a fresh"
            + " sample.";

    private RealDataPart() {
    }

    /** Computes and writes the part's files into {@code dir} unless a complete earlier result is there. */
    public static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (complete(dir)) {
            return;
        }
        List<RealDataClaims.Verdict> vs = RealDataClaims.run(RealDataClaims.defaultCases(), RealDataClaims.Settings.DEFAULT);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        ArrayNode arr = root.putArray("verdicts");
        StringBuilder csv = new StringBuilder("dataset,n_train,n_test,p,splits,attack,alpha,lambda_std,lambda_adv,"
                + "test_mse_at_0,adv_test_mse_at_0,min_test_mse,min_adv_test_mse,claim_i,claim_ii,"
                + "r0_over_min,r0_over_min_lo,r0_over_min_hi,adv0_over_min,adv0_over_min_lo,adv0_over_min_hi,"
                + "a,a_lo,a_hi,s,s_lo,s_hi\n");
        for (RealDataClaims.Verdict v : vs) {
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
                    d(v.minTest()), d(v.minAdv()), v.claimOne().word(), v.claimTwo().word()));
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
            List<Criterion> one = criteria(n.path("claim_i"));
            List<Criterion> two = criteria(n.path("claim_ii"));
            String setting = n.path("dataset").asText() + ": n_train " + n.path("n_train").asInt() + " of "
                    + (n.path("n_train").asInt() + n.path("n_test").asInt()) + " rows, p = " + n.path("p").asInt() + ", "
                    + n.path("splits").asInt() + " splits, " + n.path("attack").asText() + " α = "
                    + RunData.fmt(n.path("alpha").asDouble()) + " (standardised units)";
            double r0 = n.path("test_mse_at_0").asDouble();
            double a0 = n.path("adv_test_mse_at_0").asDouble();
            String base = "test MSE at λ = 0 " + RunData.fmt(r0) + ", min over λ " + RunData.fmt(n.path("min_test_mse")
                    .asDouble()) + " (λ_std = " + RunData.fmt(n.path("lambda_std").asDouble()) + "); adversarial test MSE at"
                    + " λ = 0 " + RunData.fmt(a0) + ", min over λ " + RunData.fmt(n.path("min_adv_test_mse").asDouble())
                    + " (λ_adv = " + RunData.fmt(n.path("lambda_adv").asDouble()) + ")";
            out.add(new Verdict("(i) on real data: the interpolator is accurate but fragile", setting,
                    "test and certified adversarial MSE of ridge at λ = 0 against the best λ",
                    Numbers.builder().words(base + ". Why: " + whyOne(one)).build(), decide(one), one, RULE));
            out.add(new Verdict("(ii) on real data: no λ makes both risks small", setting,
                    "regret ratios A, S along λ from mean test MSEs",
                    Numbers.builder().words(base + ". Why: " + whyTwo(two, n)).build(), decide(two),
                    two, RULE));
        }
        return out;
    }

    static String whyOne(List<Criterion> c) {
        Decision r = c.get(0).decision();
        Decision f = c.get(1).decision();
        String acc = r == Decision.HOLDS ? "the interpolator is nearly as accurate as the best ridge (benign)"
                : r == Decision.DOES_NOT_HOLD ? "the interpolator is not benign here: its test MSE is "
                + RunData.fmt(c.get(0).interval().estimate()) + "× the best ridge's, so the first half of the claim fails"
                : "whether the interpolator is benign is not decided by these splits";
        String frag = f == Decision.HOLDS ? "it is fragile (adversarial MSE " + RunData.fmt(c.get(1).interval().estimate())
                + "× the best)" : f == Decision.DOES_NOT_HOLD ? "it is not fragile" : "its fragility is not decided";
        return acc + "; " + frag + ".";
    }

    static String whyTwo(List<Criterion> c, JsonNode n) {
        double ls = n.path("lambda_std").asDouble();
        double la = n.path("lambda_adv").asDouble();
        if (ls == la) {
            return "one λ (" + RunData.fmt(ls) + ") minimises both mean risks, so there is no trade-off at this budget.";
        }
        return "the λ best for accuracy (" + RunData.fmt(ls) + ") and for robustness (" + RunData.fmt(la) + ") differ;"
                + " A = " + RunData.fmt(c.get(0).interval().estimate()) + " and S = "
                + RunData.fmt(c.get(1).interval().estimate()) + " say how much each choice costs the other risk.";
    }

    static Decision decide(List<Criterion> c) {
        return Decision.all(c.stream().map(Criterion::decision).toList());
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
