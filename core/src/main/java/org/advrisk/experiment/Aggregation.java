package org.advrisk.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advrisk.columns.Column;
import org.advrisk.columns.Columns;
import org.advrisk.stats.MeanSe;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Summaries across trials per grid point: mean, standard error, median and quartiles of every
 * measured column. A grid point is the combination of the parameter columns (everything but the
 * trial index, the seed, the trial key and the measured values).
 */
public final class Aggregation {
    /** Columns that identify a row's setting (never aggregated). */
    public static final Set<String> PARAMETERS = names(Columns.FAMILY, Columns.SPECTRUM, Columns.THETA, Columns.P_RULE,
            Columns.SIGMA, Columns.DESIGN, Columns.NOISE, Columns.N, Columns.P, Columns.D, Columns.M, Columns.LAMBDA,
            Columns.ESTIMATOR, Columns.DELTA, Columns.TRAIN_ATTACK, Columns.ALPHA, Columns.ATTACK, Columns.TARGET,
            Columns.ATTACK_SCALE, Columns.LABEL_PRESERVING);
    /** Columns that identify a replicate (dropped when grouping). */
    public static final Set<String> REPLICATE = names(Columns.TRIAL, Columns.SEED, Columns.TRIAL_KEY);

    private Aggregation() {
    }

    private static Set<String> names(Column... cs) {
        return java.util.Arrays.stream(cs).map(Column::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Statistics of one column at one grid point. Quartiles use linear interpolation between order
     * statistics (type 7 of Hyndman and Fan, numpy's default); se = sample sd / √count (NaN for one
     * value).
     */
    public record Stats(int count, double mean, double se, double median, double q1, double q3, double min,
                        double max) {
        /** Statistics of the values. */
        public static Stats of(double[] values) {
            int k = values.length;
            if (k == 0) {
                throw new IllegalArgumentException("no values to summarise");
            }
            MeanSe ms = MeanSe.of(values);
            double mean = ms.mean();
            double se = ms.se();
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            Percentile pct = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
            pct.setData(sorted);
            return new Stats(k, mean, se, pct.evaluate(50), pct.evaluate(25), pct.evaluate(75), sorted[0],
                    sorted[k - 1]);
        }
    }

    /**
     * One grid point's summary.
     *
     * @param key   the parameter columns and their values
     * @param stats per measured column
     */
    public record Group(Map<String, Object> key, Map<String, Stats> stats) {
        /** The mean of a column (NaN when absent). */
        public double mean(Column column) {
            return mean(column.name());
        }

        /** A key value as a number (NaN when absent or not a number). */
        public double number(Column column) {
            return number(column.name());
        }

        /** A key value as text ("" when absent). */
        public String text(Column column) {
            return text(column.name());
        }

        /** The statistics of a column, or null when absent. */
        public Stats stats(Column column) {
            return stats.get(column.name());
        }

        /** The mean of a column (NaN when absent). */
        public double mean(String column) {
            Stats s = stats.get(column);
            return s == null ? Double.NaN : s.mean();
        }

        /** A key value as a number. */
        public double number(String column) {
            Object v = key.get(column);
            return v instanceof Number x ? x.doubleValue() : Double.NaN;
        }

        /** A key value as text. */
        public String text(String column) {
            Object v = key.get(column);
            return v == null ? "" : v.toString();
        }
    }

    /** Groups rows by their parameter columns (first-seen order) and summarises every numeric column. */
    public static List<Group> summarize(List<Map<String, Object>> rows) {
        LinkedHashSet<String> keyCols = new LinkedHashSet<>();
        LinkedHashSet<String> valueCols = new LinkedHashSet<>();
        for (Map<String, Object> r : rows) {
            for (Map.Entry<String, Object> e : r.entrySet()) {
                String c = e.getKey();
                if (REPLICATE.contains(c)) {
                    continue;
                }
                if (PARAMETERS.contains(c) || !(e.getValue() instanceof Number)) {
                    keyCols.add(c);
                } else {
                    valueCols.add(c);
                }
            }
        }
        valueCols.removeAll(keyCols);
        return summarize(rows, new ArrayList<>(keyCols), new ArrayList<>(valueCols));
    }

    /** Groups rows by {@code keys} (first-seen order) and summarises {@code values}. */
    public static List<Group> summarize(List<Map<String, Object>> rows, List<String> keys, List<String> values) {
        Map<List<Object>, Map<String, Object>> keyOf = new LinkedHashMap<>();
        Map<List<Object>, Map<String, List<Double>>> data = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            List<Object> k = new ArrayList<>(keys.size());
            for (String c : keys) {
                k.add(normalize(r.get(c)));
            }
            keyOf.computeIfAbsent(k, kk -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (String c : keys) {
                    m.put(c, r.get(c));
                }
                return m;
            });
            Map<String, List<Double>> cols = data.computeIfAbsent(k, kk -> new LinkedHashMap<>());
            for (String c : values) {
                Object v = r.get(c);
                if (v instanceof Number x) {
                    cols.computeIfAbsent(c, cc -> new ArrayList<>()).add(x.doubleValue());
                }
            }
        }
        List<Group> out = new ArrayList<>();
        for (Map.Entry<List<Object>, Map<String, List<Double>>> e : data.entrySet()) {
            Map<String, Stats> stats = new LinkedHashMap<>();
            for (String c : values) {
                List<Double> vs = e.getValue().get(c);
                if (vs != null && !vs.isEmpty()) {
                    stats.put(c, Stats.of(vs.stream().mapToDouble(Double::doubleValue).toArray()));
                }
            }
            out.add(new Group(keyOf.get(e.getKey()), stats));
        }
        return out;
    }

    private static Object normalize(Object v) {
        // 50 (int) and 50L (long) and 50.0 are the same setting.
        return v instanceof Number x ? (Object) x.doubleValue() : v;
    }
}
