package org.advrisk.audit;

import java.util.ArrayList;
import java.util.List;
import org.advrisk.data.ColumnSpec;
import org.advrisk.data.CsvTable;
import org.advrisk.data.Dataset;
import org.advrisk.data.MemoryTable;
import org.advrisk.data.MissingPolicy;
import org.advrisk.data.Split;
import org.advrisk.data.Splits;
import org.advrisk.model.AttackNorm;
import org.advrisk.stats.Bootstrap;
import org.advrisk.stats.Criterion;
import org.advrisk.stats.Decision;
import org.advrisk.stats.Interval;
import org.advrisk.stats.Regret;
import org.advrisk.stats.Statistic;
import org.advrisk.stats.TrialCells;
import org.advrisk.stats.Verdict;

/**
 * Claims (i) and (ii) on real spectra, decided by computed rules: the minimum-norm interpolator (ridge
 * at λ = 0; p > n_train) against ridge over a λ grid, on random train/test splits of a shipped data
 * set, with the audit's conventions (standardised features, free intercept, certified adversarial test
 * MSE (|r| + α‖θ̂‖_q)² at α in standardised units). Per α, from the per-split test and adversarial MSE
 * along the grid (one {@link TrialCells} cell whose trials are the splits, 95% bootstrap intervals of
 * {@link Bootstrap}, argmins recomputed per resample):
 * <ul>
 *   <li>claim (i) HOLDS when the interpolator's standard risk is small next to the best ridge,
 *       R(0)/min_λ R &lt; T, and its adversarial risk large, R_α(0)/min_λ R_α &gt; T;</li>
 *   <li>claim (ii) HOLDS when no λ serves both: A = R_α(λ_std)/min R_α &gt; T and
 *       S = R(λ_adv)/min R &gt; T ({@link Regret});</li>
 * </ul>
 * T = {@link #THRESHOLD} (the synthetic verdicts' regret threshold); each condition HOLDS, DOES NOT
 * HOLD or is INCONCLUSIVE by {@link Criterion}, the claim by {@link Decision#all}. Unlike the synthetic
 * claims there is no trend over n (one training size) and no ground truth (R is the test MSE against
 * the label). The splits overlap in rows, so intervals that treat them as independent trials understate
 * the uncertainty about a fresh sample of the same population.
 *
 * <p>Use: {@code RealDataClaims.run(RealDataClaims.defaultCases(), RealDataClaims.Settings.DEFAULT)}.
 */
public final class RealDataClaims {
    /** The decision threshold T of every ratio. */
    public static final double THRESHOLD = 1.5;

    private RealDataClaims() {
    }

    /**
     * One data set with its training size and splits.
     *
     * @param name   label for outputs
     * @param table  the rows (features and target)
     * @param n      rows in the table
     * @param nTrain training rows per split (the rest test)
     * @param splits random splits
     * @param seed   seed of the splits
     */
    public record Case(String name, MemoryTable table, int n, int nTrain, int splits, long seed) {
        /** A shipped data set (its default target and dropped columns). */
        public static Case of(Dataset d, int nTrain, int splits, long seed) {
            CsvTable t = CsvTable.open(d.source(), new ColumnSpec(d.target(), null, d.drop()), MissingPolicy.REFUSE);
            long n = t.count();
            return new Case(d.label(), MemoryTable.load(t, n, Long.MAX_VALUE), (int) n, nTrain, splits, seed);
        }
    }

    /**
     * What to compute.
     *
     * @param lambdas       the ridge grid (sorted ascending, starting at 0: the interpolator)
     * @param attack        the attack norm
     * @param alphas        budgets α in standardised units, one verdict each
     * @param replicates    bootstrap replicates
     * @param bootstrapSeed bootstrap seed
     */
    public record Settings(double[] lambdas, AttackNorm attack, double[] alphas, int replicates, long bootstrapSeed) {
        /** λ ∈ {0} ∪ logspace(−8, 2, 41), l2 attacks with α ∈ {0.1, 1}, B = 2000, the verdicts' seed. */
        public static final Settings DEFAULT = new Settings(org.advrisk.param.Parameters.LAMBDA.parseList("0,logspace:-8,2,41"),
                AttackNorm.L2, new double[] {0.1, 1}, Bootstrap.DEFAULT_REPLICATES, 20240122L);

        public Settings {
            lambdas = Audit.grid(lambdas);
            if (lambdas.length < 2 || lambdas[0] != 0) {
                throw new IllegalArgumentException("lambda: the grid must contain 0 (the interpolator) and at least one λ > 0");
            }
        }
    }

    /**
     * The measurements of one data set at one α and the two verdicts decided from them.
     *
     * @param name       data set
     * @param nTrain     training rows per split
     * @param nTest      test rows per split
     * @param p          features (p > n_train: λ = 0 interpolates)
     * @param splits     number of splits
     * @param attack     attack label
     * @param alpha      budget α (standardised units)
     * @param lambdaStd  λ minimising the mean test MSE
     * @param lambdaAdv  λ minimising the mean adversarial test MSE
     * @param testAtZero mean test MSE of the interpolator
     * @param advAtZero  mean adversarial test MSE of the interpolator
     * @param minTest    min over λ of the mean test MSE
     * @param minAdv     min over λ of the mean adversarial test MSE
     * @param claimOne   claim (i), criteria R(0)/min R &lt; T, R_α(0)/min R_α &gt; T
     * @param claimTwo   claim (ii), criteria A &gt; T, S &gt; T
     */
    public record Result(String name, int nTrain, int nTest, int p, int splits, String attack, double alpha,
                         double lambdaStd, double lambdaAdv, double testAtZero, double advAtZero, double minTest,
                         double minAdv, Verdict claimOne, Verdict claimTwo) {
        /**
         * The result with its verdicts made from the criteria (the one way: computed here, or re-read from the
         * report's file).
         */
        public static Result of(String name, int nTrain, int nTest, int p, int splits, String attack, double alpha,
                                double lambdaStd, double lambdaAdv, double testAtZero, double advAtZero, double minTest,
                                double minAdv, List<Criterion> one, List<Criterion> two) {
            RealDataVerdicts v = new RealDataVerdicts(name, nTrain, nTest, p, splits, attack, alpha, lambdaStd, lambdaAdv,
                    testAtZero, advAtZero, minTest, minAdv);
            return new Result(name, nTrain, nTest, p, splits, attack, alpha, lambdaStd, lambdaAdv, testAtZero, advAtZero,
                    minTest, minAdv, v.claimOne(one), v.claimTwo(two));
        }

        /** Claim (i)'s criteria. */
        public List<Criterion> one() {
            return claimOne.criteria();
        }

        /** Claim (ii)'s criteria. */
        public List<Criterion> two() {
            return claimTwo.criteria();
        }

        /** One line: the decisions with every criterion's statistic, interval and threshold. */
        public String text() {
            return name + " (n_train " + nTrain + ", p " + p + ", " + splits + " splits, " + attack + " α = " + alpha
                    + "): (i) " + claimOne.decision().word() + " [" + String.join("; ", one().stream()
                    .map(RealDataClaims::describe).toList()) + "]; (ii) " + claimTwo.decision().word() + " ["
                    + String.join("; ", two().stream().map(RealDataClaims::describe).toList()) + "]";
        }
    }

    /** Gasoline: 45 of 60 rows train (p = 401); tecator: 40 of 215 train (p = 100); 50 splits each, seed 1. */
    public static List<Case> defaultCases() {
        return List.of(Case.of(Dataset.GASOLINE, 45, 50, 1), Case.of(Dataset.TECATOR, 40, 50, 1));
    }

    /** Every case at every α of the settings. */
    public static List<Result> run(List<Case> cases, Settings s) {
        List<Result> out = new ArrayList<>();
        for (Case c : cases) {
            out.addAll(run(c, s));
        }
        return out;
    }

    /** One case at every α: the audit's ridge rows per split, then the criteria per α. */
    public static List<Result> run(Case c, Settings s) {
        List<Split> splits = Splits.trainSize(c.n(), c.nTrain(), c.seed(), c.splits());
        AuditOptions o = new AuditOptions(s.lambdas(), List.of(s.attack()), s.alphas(), AlphaScale.RAW, null, true, false);
        AuditResult res = Audit.run(c.table(), null, splits, o);
        int L = s.lambdas().length;
        List<Result> out = new ArrayList<>();
        for (double alpha : s.alphas()) {
            double[][] trials = new double[splits.size()][2 * L];
            for (AuditRow r : res.rows()) {
                if (r.alpha() == alpha) {
                    int l = java.util.Arrays.binarySearch(s.lambdas(), r.lambda());
                    int t = splits.stream().filter(x -> x.label().equals(r.split())).findFirst().orElseThrow().index();
                    trials[t][l] = r.testMse();
                    trials[t][L + l] = r.advTestMse();
                }
            }
            out.add(decide(c, s, alpha, trials, c.table().p()));
        }
        return out;
    }

    /** The criteria and decisions from per-split values {test_0..test_{L−1}, adv_0..adv_{L−1}} (λ_0 = 0). */
    static Result decide(Case c, Settings s, double alpha, double[][] trials, int p) {
        int L = s.lambdas().length;
        List<String> names = new ArrayList<>();
        for (String k : new String[] {"test_mse", "adv_test_mse"}) {
            for (double l : s.lambdas()) {
                names.add(k + "@" + l);
            }
        }
        TrialCells cells = new TrialCells(new double[] {c.nTrain()}, names, List.<double[][]>of(trials));
        List<Statistic> stats = List.of(overMin(0, L), overMin(L, L), Regret.at(0, 0, L, true), Regret.at(0, 0, L, false));
        List<Interval> iv = new Bootstrap(s.bootstrapSeed(), s.replicates(), Bootstrap.DEFAULT_LEVEL).intervals(cells, stats);
        String a = "α = " + fmt(alpha);
        List<Criterion> one = List.of(new Criterion("R(0)/min R", iv.get(0), false, THRESHOLD),
                new Criterion("R_α(0)/min R_α (" + a + ")", iv.get(1), true, THRESHOLD));
        List<Criterion> two = List.of(new Criterion("A (" + a + ")", iv.get(2), true, THRESHOLD),
                new Criterion("S (" + a + ")", iv.get(3), true, THRESHOLD));
        double[] m = cells.means()[0];
        Regret reg = Regret.of(java.util.Arrays.copyOfRange(m, 0, L), java.util.Arrays.copyOfRange(m, L, 2 * L));
        return Result.of(c.name(), c.nTrain(), c.n() - c.nTrain(), p, trials.length, s.attack().label(), alpha,
                s.lambdas()[reg.iStd()], s.lambdas()[reg.iAdv()], m[0], m[L], m[reg.iStd()], m[L + reg.iAdv()], one, two);
    }

    /** mean[from] / min of mean[from, from + len): the value at λ = 0 over the best along the grid. */
    static Statistic overMin(int from, int len) {
        return (ns, means) -> {
            double min = Double.POSITIVE_INFINITY;
            for (int k = from; k < from + len; k++) {
                min = Math.min(min, means[0][k]);
            }
            return means[0][from] / min;
        };
    }

    /** "name = estimate [lo, hi] > threshold: DECISION", for the one-line summary of a verdict. */
    static String describe(Criterion c) {
        var iv = c.interval();
        return c.name() + " = " + fmt(iv.estimate()) + (iv.defined() ? " [" + fmt(iv.lo()) + ", " + fmt(iv.hi()) + "]" : "")
                + (c.above() ? " > " : " < ") + fmt(c.threshold()) + ": " + c.decision().word();
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString() : Double.toString(v);
    }
}
