package org.advrisk.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Is a sequence of spectra Σ_n benign (BLLT 2020: r_0/n → 0, k* / n → 0 and n/R_{k*} → 0)? Judged on
 * a finite grid of n by the rule {@link #RULE}: each of the three ratios must <em>vanish</em>,
 * meaning it is 0 at every n, or it falls from the smallest to the largest n at least like
 * n^{−{@link #MIN_SLOPE}} (log-log slope between the end points) and never rises by more than
 * {@link #MAX_RISE} (relative) between neighbouring n (k* is an integer, so k* / n may wobble a
 * little). The slow benign case λ_k = 1/(k ln²(k+1)) has slopes of about −0.1 to −0.15 (its
 * ratios fall like 1/ln n); constant ratios (isotropic, λ_k = k^{−2}) have slope 0. A missing k* (no k reaches b·n)
 * is not benign; k* beyond the truncation P, or a grid spanning less than a factor 4 in n, is
 * undetermined.
 *
 * @param rows    one summary per n, in increasing n
 * @param verdict the call
 * @param reason  the numbers behind the call, in one sentence
 */
public record BenignDiagnosis(List<RankSummary> rows, Verdict verdict, String reason) {
    /** The call. */
    public enum Verdict { BENIGN, NOT_BENIGN, UNDETERMINED;

        /** Lower-case label for outputs. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** Required log-log rate of fall of each ratio over the grid. */
    public static final double MIN_SLOPE = 0.05;
    /** Largest tolerated relative rise between neighbouring n. */
    public static final double MAX_RISE = 0.05;
    /** The verdict rule, for outputs. */
    public static final String RULE = "benign iff r0/n, k*/n and n/R_k* each vanish along the n grid: "
            + "0 throughout, or falling at least like n^-" + MIN_SLOPE + " from the smallest to the largest n "
            + "(log-log slope) with no step up of more than " + (int) (MAX_RISE * 100) + "%; the grid must span a factor >= 4 in n";

    public BenignDiagnosis {
        rows = List.copyOf(rows);
    }

    /** Diagnoses summaries given in increasing n. */
    public static BenignDiagnosis of(List<RankSummary> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("n-grid: empty; need at least two sample sizes");
        }
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).n() <= rows.get(i - 1).n()) {
                throw new IllegalArgumentException("n-grid: sample sizes must increase, got " + rows.get(i - 1).n()
                        + " then " + rows.get(i).n());
            }
        }
        RankSummary first = rows.get(0);
        RankSummary last = rows.get(rows.size() - 1);
        for (RankSummary r : rows) {
            if (r.kStar().status() == KStar.Status.NONE) {
                return new BenignDiagnosis(rows, Verdict.NOT_BENIGN, String.format(Locale.ROOT,
                        "at n=%d no k has r_k >= b n = %.4g (r_0 = %.4g): the variance proxy is infinite",
                        r.n(), r.b() * r.n(), r.r0()));
            }
        }
        for (RankSummary r : rows) {
            if (r.kStar().status() == KStar.Status.BEYOND_TRUNCATION) {
                return new BenignDiagnosis(rows, Verdict.UNDETERMINED, "at n=" + r.n()
                        + " k* lies beyond the truncation P; increase P");
            }
        }
        if (rows.size() < 2 || last.n() < 4 * first.n()) {
            return new BenignDiagnosis(rows, Verdict.UNDETERMINED,
                    "the n grid must have at least two sizes spanning a factor >= 4 (got " + first.n() + ".." + last.n()
                            + ")");
        }
        List<String> stuck = new ArrayList<>();
        String[] names = {"r0/n", "k*/n", "n/R_k*"};
        for (int q = 0; q < 3; q++) {
            double[] x = new double[rows.size()];
            for (int i = 0; i < x.length; i++) {
                RankSummary r = rows.get(i);
                x[i] = q == 0 ? r.r0OverN() : q == 1 ? r.kStarOverN() : r.nOverRkStar();
            }
            if (!vanishes(x, first.n(), last.n())) {
                stuck.add(String.format(Locale.ROOT, "%s goes %.4g -> %.4g", names[q], x[0], x[x.length - 1]));
            }
        }
        String numbers = String.format(Locale.ROOT,
                "from n=%d to n=%d: r0/n %.4g -> %.4g, k*/n %.4g -> %.4g, n/R_k* %.4g -> %.4g",
                first.n(), last.n(), first.r0OverN(), last.r0OverN(), first.kStarOverN(), last.kStarOverN(),
                first.nOverRkStar(), last.nOverRkStar());
        if (stuck.isEmpty()) {
            return new BenignDiagnosis(rows, Verdict.BENIGN, "all three ratios vanish " + numbers);
        }
        return new BenignDiagnosis(rows, Verdict.NOT_BENIGN, "not vanishing: " + String.join("; ", stuck)
                + " (" + numbers + ")");
    }

    static boolean vanishes(double[] x, long n0, long n1) {
        boolean allZero = true;
        for (double v : x) {
            allZero &= v == 0;
        }
        if (allZero) {
            return true;
        }
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[i - 1] * (1 + MAX_RISE)) {
                return false;
            }
        }
        double slope = Math.log(x[x.length - 1] / x[0]) / Math.log((double) n1 / n0);
        return x[0] > 0 && slope <= -MIN_SLOPE;
    }
}
