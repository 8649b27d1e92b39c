package org.advrisk.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.advrisk.columns.Column;
import org.advrisk.columns.Columns;
import org.advrisk.experiment.Aggregation;
import org.advrisk.experiment.Aggregation.Group;
import org.advrisk.experiment.ResultStore;
import org.advrisk.experiment.Spec;
import org.advrisk.experiment.SpecReader;
import org.advrisk.stats.Numbers;

/**
 * A run directory loaded for reporting: manifest, spec, rows (with the derived column
 * {@code norm_l2_sq} = ‖θ̂‖²) and their summaries per grid point. Only the ridge rows are loaded: a
 * spec with {@code estimator: [ridge, advtrain]} keeps its adversarial-training rows in results.csv.
 *
 * @param dir      the run directory
 * @param manifest its manifest
 * @param spec     the spec it ran
 * @param rows     the stored (ridge) rows of complete trials
 * @param groups   summaries across trials per grid point
 */
public record RunData(Path dir, ObjectNode manifest, Spec spec, List<Map<String, Object>> rows, List<Group> groups) {
    /** The columns that define a setting (a curve family in the plots). */
    public static final List<String> SETTING = List.of(Columns.SPECTRUM.name(), Columns.THETA.name(), Columns.P_RULE.name(), Columns.SIGMA.name(), Columns.DESIGN.name(), Columns.NOISE.name(),
            Columns.ATTACK.name(), Columns.TARGET.name(), Columns.ATTACK_SCALE.name(), Columns.LABEL_PRESERVING.name());
    /** Setting columns that only rows of shaped or label-preserving attackers carry (absent: not in the setting). */
    private static final List<String> THREAT = List.of(Columns.ATTACK_SCALE.name(), Columns.LABEL_PRESERVING.name());

    /** Loads a run directory. */
    public static RunData load(Path dir) throws IOException {
        ObjectNode manifest = ResultStore.readManifest(dir);
        Spec spec = SpecReader.read(manifest.get("spec"), dir.getFileName().toString());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : ResultStore.readRows(dir)) {
            if (r.containsKey("estimator") && !"ridge".equals(r.get("estimator"))) {
                continue; // adversarial-training rows are in results.csv; the plots and verdicts read the λ path
            }
            Map<String, Object> m = new LinkedHashMap<>(r);
            if (m.get(Columns.NORM_L2.name()) instanceof Number x) {
                m.put(Columns.NORM_L2_SQ.name(), x.doubleValue() * x.doubleValue());
            }
            if (m.get(Columns.DE_NORM_L2.name()) instanceof Number x) {
                m.put(Columns.DE_NORM_L2_SQ.name(), x.doubleValue() * x.doubleValue());
            }
            rows.add(m);
        }
        return new RunData(dir, manifest, spec, rows, Aggregation.summarize(rows));
    }

    /** The distinct settings (values of {@link #SETTING}) in first-seen order. */
    public List<Map<String, Object>> settings() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Group g : groups) {
            Map<String, Object> s = new LinkedHashMap<>();
            for (String c : SETTING) {
                if (!THREAT.contains(c) || g.key().get(c) != null) {
                    s.put(c, g.key().get(c));
                }
            }
            out.putIfAbsent(s.toString(), s);
        }
        return new ArrayList<>(out.values());
    }

    /** Groups of one setting that pass a filter. */
    public List<Group> groups(Map<String, Object> setting, Predicate<Group> filter) {
        List<Group> out = new ArrayList<>();
        for (Group g : groups) {
            boolean match = true;
            for (Map.Entry<String, Object> e : setting.entrySet()) {
                if (!same(g.key().get(e.getKey()), e.getValue())) {
                    match = false;
                    break;
                }
            }
            if (match && filter.test(g)) {
                out.add(g);
            }
        }
        return out;
    }

    /** Sorted distinct values of a numeric key column among groups. */
    public static double[] distinct(List<Group> gs, Column column) {
        TreeSet<Double> s = new TreeSet<>();
        for (Group g : gs) {
            double v = g.number(column);
            if (!Double.isNaN(v)) {
                s.add(v);
            }
        }
        return s.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Mean of a column at each n (for one α; NaN where no group has it). */
    public static double[] series(List<Group> gs, double[] ns, double alpha, Column column) {
        return atEachN(gs, ns, alpha, g -> g.mean(column));
    }

    /** A key column's value at each n (for one α; NaN where no group has it). */
    public static double[] keySeries(List<Group> gs, double[] ns, double alpha, Column column) {
        return atEachN(gs, ns, alpha, g -> g.number(column));
    }

    private static double[] atEachN(List<Group> gs, double[] ns, double alpha, ToDoubleFunction<Group> value) {
        double[] out = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            out[i] = Double.NaN;
            for (Group g : gs) {
                if (g.number(Columns.N) == ns[i] && g.number(Columns.ALPHA) == alpha) {
                    out[i] = value.applyAsDouble(g);
                    break;
                }
            }
        }
        return out;
    }

    /** Whether a group is at infinite width (no m column, or m = inf). */
    public static boolean infiniteWidth(Group g) {
        Object m = g.key().get(Columns.M.name());
        return m == null || "inf".equals(String.valueOf(m));
    }

    /** True when the run has deterministic-equivalent columns. */
    public boolean hasTheory() {
        return !rows.isEmpty() && rows.get(0).containsKey(Columns.DE_STD_RISK.name());
    }

    /** A short label of a setting for titles. */
    public static String label(Map<String, Object> s) {
        String p = String.valueOf(s.get(Columns.P_RULE.name()));
        return s.get(Columns.SPECTRUM.name()) + ", θ* " + s.get(Columns.THETA.name()) + ", p = " + p + ", σ = " + fmt(((Number) s.get(Columns.SIGMA.name())).doubleValue())
                + (s.get(Columns.DESIGN.name()).equals("gaussian") ? "" : ", " + s.get(Columns.DESIGN.name()) + " design")
                + ", " + s.get(Columns.ATTACK.name()) + " attack, " + s.get(Columns.TARGET.name()) + " target"
                + (s.get(Columns.ATTACK_SCALE.name()) instanceof Number g ? ", attack scale G = " + fmt(g.doubleValue())
                : "") + (Boolean.TRUE.equals(s.get(Columns.LABEL_PRESERVING.name())) ? ", label-preserving" : "");
    }

    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return a == null ? b == null : a.equals(b);
    }

    /** Three significant digits, plain or scientific ({@link Numbers#fmt}). */
    public static String fmt(double v) {
        return Numbers.fmt(v);
    }
}
