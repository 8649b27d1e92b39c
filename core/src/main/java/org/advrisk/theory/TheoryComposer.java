package org.advrisk.theory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.LinearProblem;
import org.advrisk.model.Target;

/**
 * Composes the theory of a {@link TheoryRequest} once for every door: per sample size the spectrum, effective
 * ranks and deterministic equivalent ({@link TheoryAt}), and from them the rows of every section, the
 * benign diagnosis and the trade-off verdicts ({@link TheoryTables}). {@code advrisk theory} prints the tables;
 * the explorer's view and the report's curves take {@link #at} for their own single values.
 */
public final class TheoryComposer {
    private TheoryComposer() {
    }

    /** The theory of the request at one sample size. */
    public static TheoryAt at(TheoryRequest r, long n) {
        return new TheoryAt(TheoryProblem.spectrum(r.spectrum(), r.theta(), r.p(), n, r.seed(), r.truncation()), n,
                r.sigma(), r.noise(), r.b());
    }

    /**
     * The theory of an already built linear problem at its n, σ and noise (default truncation, b = 1): the
     * de_* columns put next to simulated rows ({@link TheoryColumns}).
     */
    public static TheoryAt at(LinearProblem problem) {
        return new TheoryAt(TheoryProblem.spectrum(problem, TheorySpectrum.DEFAULT_TRUNCATION), problem.n(),
                problem.sigma(), problem.noise(), 1.0);
    }

    /** Every section the request asks for, over its n grid (ranks are always computed: the diagnosis needs them). */
    public static TheoryTables compose(TheoryRequest r) {
        List<Map<String, Object>> rankRows = new ArrayList<>();
        List<RankSummary> summaries = new ArrayList<>();
        List<Map<String, Object>> deRows = new ArrayList<>();
        List<Map<String, Object>> tradeRows = new ArrayList<>();
        List<Map<String, Object>> frontierRows = new ArrayList<>();
        List<Map<String, Object>> oracleRows = new ArrayList<>();
        Map<String, List<TradeOff>> tradeByCase = new LinkedHashMap<>();
        String label = "";
        double maxTailRatio = 0;
        for (long n : r.ns()) {
            TheoryAt at = at(r, n);
            TheorySpectrum ts = at.spectrum();
            label = ts.label();
            Object p = at.p();
            RankSummary rs = at.ranks();
            summaries.add(rs);
            rankRows.add(TheoryRows.ranks(rs, p, ts.truncation()).toMap());
            DeterministicEquivalent de = at.equivalent();
            if (r.shows("de")) {
                for (double l : r.lambdas()) {
                    DePoint d = de.at(l);
                    maxTailRatio = Math.max(maxTailRatio, d.tailRatio());
                    for (AttackNorm attack : r.attacks()) {
                        for (Target tg : r.targets()) {
                            for (org.advrisk.linear.ThreatModel th : r.threats()) {
                                for (double a : r.alphas()) {
                                    if (!th.isIsotropic()) {
                                        deRows.add(TheoryRows.de(d, p, attack, tg, a, r.noise(), ts, th).toMap());
                                        continue;
                                    }
                                    deRows.add(withThreat(TheoryRows.de(d, p, attack, tg, a, r.noise(),
                                            at.groundTruth(attack, tg, a)), r.shaped() ? th : null).toMap());
                                }
                            }
                        }
                    }
                }
            }
            if (r.shows("oracle")) {
                for (AttackNorm attack : r.attacks()) {
                    OracleEstimator est = new OracleEstimator(ts, attack);
                    for (Target tg : r.targets()) {
                        for (double a : r.alphas()) {
                            OracleFrontier f = at.oracle(est, r.oracleMu(), attack, tg, a);
                            for (int i = 0; i < f.size(); i++) {
                                oracleRows.add(TheoryRows.oracle(n, p, f, i).toMap());
                            }
                        }
                    }
                }
            }
            if (r.shows("tradeoff") || r.shows("frontier")) {
                for (AttackNorm attack : r.attacks()) {
                    for (Target tg : r.targets()) {
                        for (org.advrisk.linear.ThreatModel th : r.threats()) {
                            for (double a : r.alphas()) {
                                TradeOff t = at.tradeOff(r.tradeoffGrid(), attack, tg, a, th);
                                tradeByCase.computeIfAbsent(attack.label() + "/" + tg.label() + (r.shaped()
                                        ? "/attack_scale=" + th.attackScale() + (th.labelPreserving()
                                        ? "/label_preserving" : "") : "") + "/alpha=" + a, k -> new ArrayList<>()).add(t);
                                tradeRows.add(withThreat(TheoryRows.tradeoff(t), r.shaped() ? th : null).toMap());
                                for (int i : t.frontier()) {
                                    frontierRows.add(TheoryRows.frontier(t, i).toMap());
                                }
                            }
                        }
                    }
                }
            }
        }
        Map<String, String> tradeVerdicts = new LinkedHashMap<>();
        tradeByCase.forEach((k, v) -> tradeVerdicts.put(k, TradeOff.verdict(v)));
        return new TheoryTables(label, rankRows, BenignDiagnosis.of(summaries), deRows, tradeRows, tradeVerdicts,
                frontierRows, oracleRows, maxTailRatio);
    }

    /** The row with the attacker's columns (attack_scale, label_preserving); unchanged when threat is null. */
    private static org.advrisk.columns.Row withThreat(org.advrisk.columns.Row row, org.advrisk.linear.ThreatModel threat) {
        return threat == null ? row : row.toBuilder().set(org.advrisk.columns.Columns.ATTACK_SCALE, threat.attackScale())
                .set(org.advrisk.columns.Columns.LABEL_PRESERVING, threat.labelPreserving()).build();
    }
}
