package org.advrisk.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects per-trial values slot by slot from result rows, keyed by (n, trial), and gives the
 * {@link TrialCells} of the complete trials: those with every one of the {@code width} slots set and
 * finite. A sample size without a complete trial is left out. The report's verdicts read their runs
 * through it.
 */
public final class TrialCollector {
    private final int width;
    private final TreeMap<Double, TreeMap<Integer, double[]>> values = new TreeMap<>();
    private final TreeMap<Double, TreeMap<Integer, boolean[]>> seen = new TreeMap<>();

    /** A collector of trials of {@code width} values each. */
    public TrialCollector(int width) {
        if (width < 0) {
            throw new IllegalArgumentException("width: " + width + " is not allowed; allowed: a number of slots ≥ 0");
        }
        this.width = width;
    }

    /** Sets slot {@code slot} of trial {@code trial} at sample size {@code n}. */
    public void put(double n, int trial, int slot, double value) {
        values.computeIfAbsent(n, x -> new TreeMap<>()).computeIfAbsent(trial, x -> new double[width])[slot] = value;
        seen.computeIfAbsent(n, x -> new TreeMap<>()).computeIfAbsent(trial, x -> new boolean[width])[slot] = true;
    }

    /** True when no sample size has a complete trial. */
    public boolean isEmpty() {
        return complete().isEmpty();
    }

    /** The complete trials as cells (refused, as {@link TrialCells} refuses, when there are none). */
    public TrialCells cells(List<String> quantities) {
        TreeMap<Double, double[][]> c = complete();
        return new TrialCells(c.keySet().stream().mapToDouble(Double::doubleValue).toArray(), quantities,
                new ArrayList<>(c.values()));
    }

    private TreeMap<Double, double[][]> complete() {
        TreeMap<Double, double[][]> out = new TreeMap<>();
        for (Map.Entry<Double, TreeMap<Integer, double[]>> e : values.entrySet()) {
            List<double[]> trials = new ArrayList<>();
            for (Map.Entry<Integer, double[]> t : e.getValue().entrySet()) {
                boolean[] s = seen.get(e.getKey()).get(t.getKey());
                boolean full = true;
                for (int j = 0; j < width; j++) {
                    full &= s[j] && Double.isFinite(t.getValue()[j]);
                }
                if (full) {
                    trials.add(t.getValue());
                }
            }
            if (!trials.isEmpty()) {
                out.put(e.getKey(), trials.toArray(new double[0][]));
            }
        }
        return out;
    }
}
