package org.advrisk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.experiment.Aggregation.Group;

/**
 * The trade-off of docs/theory.md §6 at one n from mean risks along a λ grid: λ_std = argmin R,
 * λ_adv = argmin R_α, the adversarial regret A = R_α(λ_std)/min R_α, the standard regret
 * S = R(λ_adv)/min R, and the frontier gap G = min over λ of max(R/min R, R_α/min R_α) (1 when one
 * λ minimises both).
 *
 * @param n         sample size
 * @param lambdaStd λ minimising the standard risk
 * @param lambdaAdv λ minimising the adversarial risk
 * @param a         adversarial regret A
 * @param s         standard regret S
 * @param gap       frontier gap G
 * @param minStd    min over λ of R
 * @param minAdv    min over λ of R_α
 * @param advAtStd  R_α(θ̂_{λ_std})
 * @param gt        the ground truth's R_α
 */
public record TradeOff(int n, double lambdaStd, double lambdaAdv, double a, double s, double gap, double minStd,
                       double minAdv, double advAtStd, double gt) {

    /** The trade-off from groups at one n (one α, attack, target), using the given risk columns. */
    public static TradeOff of(int n, List<Group> atN, org.advrisk.columns.Column stdCol,
                             org.advrisk.columns.Column advCol) {
        List<Group> gs = new ArrayList<>(atN);
        gs.sort((x, y) -> Double.compare(x.number(Columns.LAMBDA), y.number(Columns.LAMBDA)));
        int iStd = -1;
        int iAdv = -1;
        for (int i = 0; i < gs.size(); i++) {
            if (iStd < 0 || gs.get(i).mean(stdCol) < gs.get(iStd).mean(stdCol)) {
                iStd = i;
            }
            if (iAdv < 0 || gs.get(i).mean(advCol) < gs.get(iAdv).mean(advCol)) {
                iAdv = i;
            }
        }
        double minStd = gs.get(iStd).mean(stdCol);
        double minAdv = gs.get(iAdv).mean(advCol);
        double gap = Double.POSITIVE_INFINITY;
        for (Group g : gs) {
            gap = Math.min(gap, Math.max(g.mean(stdCol) / minStd, g.mean(advCol) / minAdv));
        }
        return new TradeOff(n, gs.get(iStd).number(Columns.LAMBDA), gs.get(iAdv).number(Columns.LAMBDA),
                gs.get(iStd).mean(advCol) / minAdv, gs.get(iAdv).mean(stdCol) / minStd, gap, minStd, minAdv,
                gs.get(iStd).mean(advCol), gs.get(0).mean(Columns.GT_ADV_RISK));
    }

    /** Trade-offs for every n of a setting at budget α (groups must span a λ grid; infinite width only). */
    public static List<TradeOff> curve(RunData data, Map<String, Object> setting, double alpha,
                                       org.advrisk.columns.Column stdCol, org.advrisk.columns.Column advCol) {
        List<Group> gs = data.groups(setting, g -> g.number(Columns.ALPHA) == alpha && Verdicts.infiniteWidth(g));
        List<TradeOff> out = new ArrayList<>();
        for (double n : RunData.distinct(gs, Columns.N)) {
            List<Group> atN = gs.stream().filter(g -> g.number(Columns.N) == n).toList();
            if (atN.stream().allMatch(g -> g.stats(stdCol) != null && g.stats(advCol) != null)) {
                out.add(of((int) n, atN, stdCol, advCol));
            }
        }
        return out;
    }
}
