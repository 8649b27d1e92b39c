package org.advrisk.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.advrisk.columns.Column;
import org.advrisk.columns.Columns;
import org.advrisk.stats.TrialCells;
import org.advrisk.stats.TrialCollector;

/**
 * The paths of several estimators fitted on the same training sets (ridge over λ, adversarial training over
 * δ, gradient flow over t), read from a run's rows at one budget α: per estimator its grid and, per n and
 * trial, R and R_α at every grid value. {@link #cells} lays them out for the bootstrap (a training set keeps
 * all its paths together: path k occupies R at [off_k, off_k + g_k) and R_α at [off_k + g_k, off_k + 2g_k)).
 */
final class EstimatorPaths {
    /**
     * One estimator's path.
     *
     * @param estimator the value of the estimator column (rows without one are ridge)
     * @param key       the column of its parameter (lambda, delta, time)
     * @param grid      its distinct parameter values, increasing (+∞ last)
     */
    record Path(String estimator, Column key, double[] grid) {
    }

    private EstimatorPaths() {
    }

    /** The path of an estimator in the rows (null when it has fewer than 3 grid values). */
    static Path path(List<Map<String, Object>> rows, String estimator, Column key) {
        double[] grid = AdvTrainVerdicts.distinct(of(rows, estimator), key.name());
        return grid.length < 3 ? null : new Path(estimator, key, grid);
    }

    /** The rows of one estimator. */
    static List<Map<String, Object>> of(List<Map<String, Object>> rows, String estimator) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Object e = r.get(Columns.ESTIMATOR.name());
            if (estimator.equals(e == null || "".equals(e) ? "ridge" : String.valueOf(e))) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Per n, per trial, R then R_α along each path at budget α; a trial missing a value (or with a
     * non-finite one) is dropped. Null when no trial is complete.
     */
    static TrialCells cells(List<Map<String, Object>> rows, double alpha, List<Path> paths) {
        int width = 0;
        int[] off = new int[paths.size()];
        for (int k = 0; k < paths.size(); k++) {
            off[k] = width;
            width += 2 * paths.get(k).grid().length;
        }
        TrialCollector trials = new TrialCollector(width);
        for (int k = 0; k < paths.size(); k++) {
            Path p = paths.get(k);
            int g = p.grid().length;
            for (Map<String, Object> r : of(rows, p.estimator())) {
                if (AdvTrainVerdicts.num(r, Columns.ALPHA.name()) != alpha) {
                    continue;
                }
                int i = Arrays.binarySearch(p.grid(), AdvTrainVerdicts.num(r, p.key().name()));
                if (i < 0) {
                    continue;
                }
                double n = AdvTrainVerdicts.num(r, Columns.N.name());
                int t = (int) AdvTrainVerdicts.num(r, Columns.TRIAL.name());
                trials.put(n, t, off[k] + i, AdvTrainVerdicts.num(r, Columns.STD_RISK.name()));
                trials.put(n, t, off[k] + g + i, AdvTrainVerdicts.num(r, Columns.ADV_RISK.name()));
            }
        }
        if (trials.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (Path p : paths) {
            for (String c : new String[] {"std_risk", "adv_risk"}) {
                for (double x : p.grid()) {
                    names.add(p.estimator() + ":" + c + "@" + x);
                }
            }
        }
        return trials.cells(names);
    }

    /** The offset of path k in the layout of {@link #cells}. */
    static int offset(List<Path> paths, int k) {
        int off = 0;
        for (int j = 0; j < k; j++) {
            off += 2 * paths.get(j).grid().length;
        }
        return off;
    }
}
