package org.advrisk.ntk;

import org.advrisk.random.OrderedParallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.advrisk.attack.Ball;
import org.advrisk.attack.LinearWorstCase;
import org.advrisk.attack.Pgd;
import org.advrisk.attack.Predictor;
import org.advrisk.stats.MeanSe;

/**
 * Risks of a predictor f on a test sample against the clean target f*(x) (docs/ntk.md §5): the standard
 * risk E(f − f*)², for each (attack, α) the first-order surrogate E(|f − f*| + α‖∇f‖_q)² and the
 * PGD estimate E sup (f(x+δ) − f*(x))² (a lower bound of the true adversarial risk), all with
 * standard errors over test points; and the input-gradient norms. Test points go in batches of
 * {@code batch}; batch b's PGD restarts use the stream block b·A·L + a·L + l (a attack, l budget).
 */
public final class TestRisks {
    private TestRisks() {
    }

    /**
     * What to compute.
     *
     * @param alphas   budgets α ≥ 0
     * @param attacks  PGD balls
     * @param steps    PGD steps
     * @param restarts PGD random restarts
     * @param batch    test points per batch
     */
    public record Options(double[] alphas, List<Ball> attacks, int steps, int restarts, int batch) {
        public Options {
            alphas = alphas.clone();
            attacks = List.copyOf(attacks);
            if (alphas.length == 0 || attacks.isEmpty()) {
                throw new IllegalArgumentException("alpha/attack: need at least one budget and one attack");
            }
            for (double a : alphas) {
                org.advrisk.param.Parameters.ALPHA.check(a);
                if (a > org.advrisk.model.LinearProblem.MAX_SCALE) {
                    throw new IllegalArgumentException("alpha: " + a + " is too large: the risks (squares of sums of its"
                            + " products) would overflow double precision; allowed: 0 to 1e50");
                }
            }
            if (batch < 1) {
                throw new IllegalArgumentException("batch: " + batch + " must be >= 1");
            }
            Pgd.of(Ball.L2, 0, steps, restarts); // validates steps and restarts
        }
    }

    /** A mean and its standard error over test points. */
    public record Estimate(double mean, double se) {
        static Estimate of(double[] v) {
            MeanSe ms = MeanSe.of(v);
            return new Estimate(ms.mean(), ms.se());
        }
    }

    /** Risks under one attack and budget. */
    public record Adversarial(Ball attack, double alpha, Estimate firstOrder, Estimate pgd, double groundTruth,
                              double gradDualRms) {
    }

    /**
     * The whole evaluation.
     *
     * @param std        standard risk
     * @param gradNorm   mean ‖∇f‖₂
     * @param gradL2Rms  √E‖∇f‖₂² (equals ‖θ‖₂ for a linear model)
     * @param predictions f on the test points
     * @param adversarial one entry per (attack, α), attacks outer
     */
    public record Result(Estimate std, Estimate gradNorm, double gradL2Rms, double[] predictions,
                         List<Adversarial> adversarial) {
    }

    private record BatchOut(double[] values, double[] g2, double[] g1, double[][] firstOrder, double[][] pgd) {
    }

    /** Evaluates f on the test sample; batches run on up to {@code threads} threads. */
    public static Result evaluate(Predictor f, NtkData.Sample test, double[] thetaStar, Options o, long seed,
                                  long trial, int threads) {
        int d = test.d();
        int count = test.n();
        int batches = (count + o.batch() - 1) / o.batch();
        int na = o.attacks().size();
        int nl = o.alphas().length;
        List<BatchOut> outs = OrderedParallel.map(batches, threads, b -> {
            int from = b * o.batch();
            int c = Math.min(o.batch(), count - from);
            double[] z = Arrays.copyOfRange(test.x(), from * d, (from + c) * d);
            double[] target = Arrays.copyOfRange(test.fStar(), from, from + c);
            double[] v = new double[c];
            double[] g = new double[d * c];
            f.evaluate(c, z, v, g);
            double[] g2 = new double[c];
            double[] g1 = new double[c];
            for (int t = 0; t < c; t++) {
                double s2 = 0;
                double s1 = 0;
                for (int k = 0; k < d; k++) {
                    double x = g[t * d + k];
                    s2 += x * x;
                    s1 += Math.abs(x);
                }
                g2[t] = Math.sqrt(s2);
                g1[t] = s1;
            }
            double[][] fo = new double[na * nl][c];
            double[][] pg = new double[na * nl][c];
            for (int ai = 0; ai < na; ai++) {
                Ball ball = o.attacks().get(ai);
                double[] dualNorm = ball == Ball.L2 ? g2 : g1;
                for (int li = 0; li < nl; li++) {
                    double alpha = o.alphas()[li];
                    int key = ai * nl + li;
                    for (int t = 0; t < c; t++) {
                        double e = Math.abs(v[t] - target[t]) + alpha * dualNorm[t];
                        fo[key][t] = e * e;
                    }
                    Pgd pgd = Pgd.of(ball, alpha, o.steps(), o.restarts());
                    pg[key] = pgd.attack(f, c, z, target, seed, trial, (long) b * na * nl + key).worst();
                }
            }
            return new BatchOut(v, g2, g1, fo, pg);
        });
        double[] values = new double[count];
        double[] sq = new double[count];
        double[] g2 = new double[count];
        double[] g2sq = new double[count];
        double[] g1sq = new double[count];
        double[][] fo = new double[na * nl][count];
        double[][] pg = new double[na * nl][count];
        for (int b = 0; b < batches; b++) {
            BatchOut out = outs.get(b);
            int from = b * o.batch();
            int c = out.values().length;
            for (int t = 0; t < c; t++) {
                values[from + t] = out.values()[t];
                double e = out.values()[t] - test.fStar()[from + t];
                sq[from + t] = e * e;
                g2[from + t] = out.g2()[t];
                g2sq[from + t] = out.g2()[t] * out.g2()[t];
                g1sq[from + t] = out.g1()[t] * out.g1()[t];
            }
            for (int k = 0; k < na * nl; k++) {
                System.arraycopy(out.firstOrder()[k], 0, fo[k], from, c);
                System.arraycopy(out.pgd()[k], 0, pg[k], from, c);
            }
        }
        List<Adversarial> adv = new ArrayList<>();
        for (int ai = 0; ai < na; ai++) {
            Ball ball = o.attacks().get(ai);
            double q = ball.dualExponent();
            double gtNorm = LinearWorstCase.norm(thetaStar, q);
            double dualRms = Math.sqrt(Estimate.of(ball == Ball.L2 ? g2sq : g1sq).mean());
            for (int li = 0; li < nl; li++) {
                double alpha = o.alphas()[li];
                int key = ai * nl + li;
                adv.add(new Adversarial(ball, alpha, Estimate.of(fo[key]), Estimate.of(pg[key]),
                        alpha * alpha * gtNorm * gtNorm, dualRms));
            }
        }
        return new Result(Estimate.of(sq), Estimate.of(g2), Math.sqrt(Estimate.of(g2sq).mean()), values, adv);
    }
}
