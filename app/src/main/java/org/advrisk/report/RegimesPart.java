package org.advrisk.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.advrisk.experiment.Json;
import org.advrisk.io.AtomicFiles;
import org.advrisk.io.JsonMappers;
import org.advrisk.kernel.Activation;
import org.advrisk.linalg.Blas;
import org.advrisk.ntk.RegimeStudy;
import org.advrisk.stats.Criterion;
import org.advrisk.stats.Decision;
import org.advrisk.stats.LogLogSlope;
import org.advrisk.stats.Numbers;
import org.advrisk.stats.Statistic;
import org.advrisk.stats.TrialCells;
import org.advrisk.stats.Verdict;

/**
 * The reproduction part "(iii) across activations and training regimes" ({@link RegimeStudy}): relu, abs,
 * erf and tanh, each as the kernel limit, a lazy network (A = 1) and a rich one (small A), over n with
 * several training sets per n. Written once to {@code regimes.csv} (one row per fit) and
 * {@code regimes.json} (the settings); the verdicts (one per activation × regime) are recomputed from the
 * CSV. No spec run: sizes are fixed per mode here.
 */
public final class RegimesPart {
    /** The per-fit table. */
    public static final String CSV = "regimes.csv";
    /** The settings file (also marks a complete part). */
    public static final String JSON = "regimes.json";
    static final String FORMAT = "advrisk-regimes/2";
    static final String HEADER = "activation,regime,scale,n,d,trial,std_risk,adv_risk,norm_l2_sq,train_mse,"
            + "weight_move,kernel_move,gt_adv_risk";

    /** "Learns": R(n_max) below this share of the null risk ‖θ*‖²_Σ (the risk of predicting 0). */
    public static final double LEARNT = 0.5;
    /** "Fragile": the attack's cost R_α − R at n_max above this multiple of the ground truth's α²‖θ*‖². */
    public static final double FRAGILE = 1;

    /** Rule, in words. */
    public static final String RULE = VerdictRules.BOOTSTRAP + "Per activation and regime, over n (first layer"
            + " trained, λ = 0: the interpolator, reached by GD for networks), claim (iii) as stated: the interpolator"
            + " learns while it is not robust. Learns: the slope of ln R on ln n < 0 (R falls) and R(n_max) < "
            + RunData.fmt(LEARNT) + "·‖θ*‖²_Σ (it has learnt at least half of the target's variance; ‖θ*‖²_Σ = E f*(x)² is"
            + " the risk of predicting 0). Not robust: (R_α − R)(n_max) > " + RunData.fmt(FRAGILE) + "·α²‖θ*‖² (PGD;"
            + " the attack costs it more than it costs the ground truth, which pays exactly α²‖θ*‖²; the predictor 0"
            + " pays nothing). The slope of R_α and the E‖∇f‖² conditions of the kernel part are not ruled on: with"
            + " d ∝ n the attack's cost need not grow over a fourfold n range, and a finite ReLU network's a.e. input"
            + " gradient carries a rough field that grows with d/√m (see the finite-network part); both are shown as"
            + " numbers.";

    private RegimesPart() {
    }

    /**
     * The study of a mode: d = 10n as in the claim (iii) kernel part (n/d = 0.1), n over a fourfold range;
     * default 6 training sets per n (the verdicts' intervals), quick 3.
     */
    public static RegimeStudy study(boolean quick) {
        List<Activation> acts = List.of(Activation.RELU, Activation.ABS, Activation.ERF, Activation.TANH);
        return quick ? new RegimeStudy(acts, new int[] {12, 24, 48}, 3, 10, 60, 80, 0.02, 0.75, 3, 0, 30, 1)
                : new RegimeStudy(acts, new int[] {25, 50, 100}, 6, 10, 200, 200, 0.02, 0.75, 5, 1, 100, 1);
    }

    /** Computes and writes the part's files into {@code dir} unless a complete earlier result is there. */
    public static void write(Path dir, boolean quick, int threads) throws IOException {
        Files.createDirectories(dir);
        if (complete(dir, quick)) {
            return;
        }
        RegimeStudy st = study(quick);
        int previous = Blas.threads(1);
        List<RegimeStudy.Point> pts;
        try {
            pts = st.run(threads);
        } finally {
            Blas.threads(previous);
        }
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (RegimeStudy.Point p : pts) {
            csv.append(String.join(",", p.activation(), p.regime(), d(p.scale()), "" + p.n(), "" + p.d(), "" + p.trial(),
                    d(p.stdRisk()), d(p.advRisk()), d(p.gradSq()), d(p.trainMse()), d(p.weightMove()),
                    d(p.kernelMove()), d(p.gtAdvRisk()))).append('\n');
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("quick", quick);
        root.put("width", st.width());
        root.put("gd_steps", st.gdSteps());
        root.put("rich_scale", st.richScale());
        root.put("alpha", st.alpha());
        root.put("trials", st.trials());
        root.put("d_ratio", st.dRatio());
        root.put("seed", st.seed());
        AtomicFiles.write(dir.resolve(CSV), csv.toString());
        AtomicFiles.write(dir.resolve(JSON), JsonMappers.PRETTY.writeValueAsString(root) + "\n");
    }

    static boolean complete(Path dir, boolean quick) {
        try {
            var root = Json.MAPPER.readTree(dir.resolve(JSON).toFile());
            return Files.isRegularFile(dir.resolve(CSV)) && FORMAT.equals(root.path("format").asText())
                    && root.path("quick").asBoolean() == quick;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The rows of {@code regimes.csv} as maps (numbers parsed). */
    static List<Map<String, Object>> rows(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(CSV));
        String[] head = lines.get(0).split(",");
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            Map<String, Object> r = new LinkedHashMap<>();
            for (int i = 0; i < head.length; i++) {
                r.put(head[i], i < 2 ? f[i] : (Object) Double.parseDouble(f[i]));
            }
            out.add(r);
        }
        return out;
    }

    /** Cells (activation, regime) in file order, each with its rows. */
    static Map<String, List<Map<String, Object>>> cells(List<Map<String, Object>> rows) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            out.computeIfAbsent(r.get("activation") + "/" + r.get("regime"), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    /** One verdict per (activation, regime). */
    public static List<Verdict> verdicts(Path dir) throws IOException {
        var settings = Json.MAPPER.readTree(dir.resolve(JSON).toFile());
        double alpha = settings.path("alpha").asDouble();
        List<Verdict> out = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> e : cells(rows(dir)).entrySet()) {
            List<Map<String, Object>> rs = e.getValue();
            TrialCells tc = trialCells(rs);
            int dMax = (int) max(rs, "d");
            double nullRisk = RegimeStudy.nullRisk(dMax, settings.path("seed").asLong(1));
            List<Criterion> cr = criteria(tc, nullRisk);
            Decision dec = Decision.all(cr.stream().map(Criterion::decision).toList());
            double[][] m = tc.means();
            int last = tc.ns().length - 1;
            String[] key = e.getKey().split("/");
            Map<String, Object> first = rs.get(0);
            String setting = key[0] + ", " + key[1] + ("kernel".equals(key[1]) ? " (infinite width)"
                    : " (width " + settings.path("width").asInt() + ", A = " + RunData.fmt((Double) first.get("scale")) + ")")
                    + ", n " + (int) tc.ns()[0] + " → " + (int) tc.ns()[last] + ", d = " + settings.path("d_ratio").asInt()
                    + "n, " + tc.minTrials() + " training sets per n, l2 α = " + RunData.fmt(alpha);
            Numbers.Builder num = Numbers.builder().words("n ").integer("n_min", tc.ns()[0]).words(" → ")
                    .integer("n_max", tc.ns()[last]).words(": R ").real("R(n_min)", m[0][0]).words(" → ")
                    .real("R(n_max)", m[last][0]).words("; R_α ").real("R_α(n_min)", m[0][1]).words(" → ")
                    .real("R_α(n_max)", m[last][1]).words(" (ground truth ").real("gt", m[last][3])
                    .words("); R_α − R ").real("R_α − R (n_min)", m[0][1] - m[0][0]).words(" → ")
                    .real("R_α − R (n_max)", m[last][1] - m[last][0]).words("; null risk ‖θ*‖²_Σ ").real("null_risk", nullRisk)
                    .words("; slope of ln R_α ").real("slope of ln R_α", LogLogSlope.of(1).apply(tc.ns(), m))
                    .words("; E‖∇f‖² ").real("E‖∇f‖²(n_min)", m[0][2]).words(" → ").real("E‖∇f‖²(n_max)", m[last][2])
                    .words("; max train MSE ").real("train_mse", max(rs, "train_mse"));
            if (!"kernel".equals(key[1])) {
                num.words("; weight_move ").real("weight_move", mean(rs, "weight_move")).words(", kernel_move ")
                        .real("kernel_move", mean(rs, "kernel_move"));
            }
            out.add(new Verdict("(iii) across activations and regimes: the interpolator learns but is fragile",
                    setting, "mean over training sets of R, R_α (PGD) at λ = 0 for each n", num.build(), dec, cr, RULE));
        }
        return out;
    }

    /** The rule's three conditions on the cell's per-n, per-trial values (see {@link #RULE}). */
    static List<Criterion> criteria(TrialCells tc, double nullRisk) {
        Statistic learnt = (ns, m) -> m[ns.length - 1][0] / nullRisk;
        Statistic fragile = (ns, m) -> (m[ns.length - 1][1] - m[ns.length - 1][0]) / m[ns.length - 1][3];
        return VerdictStats.criteria(tc, List.of("slope of ln R on ln n", "R(n_max)/‖θ*‖²_Σ",
                "(R_α − R)(n_max)/α²‖θ*‖²"), List.of(LogLogSlope.of(0), learnt, fragile),
                new boolean[] {false, false, true}, new double[] {0, LEARNT, FRAGILE});
    }

    /** Per n, per trial: {R, R_α, E‖∇f‖², α²‖θ*‖²}. */
    static TrialCells trialCells(List<Map<String, Object>> rs) {
        TreeMap<Double, List<double[]>> byN = new TreeMap<>();
        for (Map<String, Object> r : rs) {
            double[] v = {num(r, "std_risk"), num(r, "adv_risk"), num(r, "norm_l2_sq"), num(r, "gt_adv_risk")};
            byN.computeIfAbsent(num(r, "n"), k -> new ArrayList<>()).add(v);
        }
        double[] ns = byN.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        List<double[][]> values = byN.values().stream().map(l -> l.toArray(new double[0][])).toList();
        return new TrialCells(ns, List.of("std_risk", "adv_risk", "norm_l2_sq", "gt_adv_risk"), values);
    }

    static double num(Map<String, Object> r, String c) {
        return ((Number) r.get(c)).doubleValue();
    }

    private static double mean(List<Map<String, Object>> rs, String c) {
        return rs.stream().mapToDouble(r -> num(r, c)).average().orElse(Double.NaN);
    }

    private static double max(List<Map<String, Object>> rs, String c) {
        return rs.stream().mapToDouble(r -> num(r, c)).max().orElse(Double.NaN);
    }

    private static String d(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }
}
