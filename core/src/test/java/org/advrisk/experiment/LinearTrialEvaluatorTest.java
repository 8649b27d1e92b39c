package org.advrisk.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinearTrialEvaluatorTest {
    private static Spec spec(String spectrum) {
        return spec(spectrum, 1, false);
    }

    private static Spec spec(String spectrum, int trials, boolean theory) {
        return new Spec("t", Family.LINEAR, 3, trials, List.of(16), List.of(SizeRule.parse("p", "n^2")), List.of(0.5),
                List.of(spectrum), List.of("top:k=2,norm=1"), List.of("gaussian"), List.of("gaussian"),
                List.of(0.0, 0.01), List.of(0.0, 0.25), List.of("l2", "linf"), List.of("clean"), theory);
    }

    @Test
    void theoryAddsTheDeterministicEquivalentNextToEachSimulatedColumn() {
        Spec s = spec("twolevel:spikes=2,spike=1,tail=4", 2, true);
        TrialEvaluator ev = TrialEvaluator.forSpec(s);
        List<Map<String, Object>> a = maps(ev.evaluate(Sweep.trials(s).get(0)));
        List<Map<String, Object>> b = maps(ev.evaluate(Sweep.trials(s).get(1)));
        assertThat(a.get(0).keySet()).containsSubsequence("std_risk", "de_std_risk", "adv_risk", "de_adv_risk", "norm_l2",
                "de_norm_l2");
        var problem = LinearTrialEvaluator.problem(Sweep.trials(s).get(0).point(), 3);
        var direct = new org.advrisk.theory.TheoryColumns(problem);
        for (int i = 0; i < a.size(); i++) {
            // Same point, same prediction in every trial; equal to the theory package's own columns.
            assertThat(a.get(i).get("de_std_risk")).isEqualTo(b.get(i).get("de_std_risk"));
            Map<String, Object> r = a.get(i);
            org.advrisk.theory.DePrediction expect = direct.columns(((Number) r.get("lambda")).doubleValue(),
                    ((Number) r.get("alpha")).doubleValue(), org.advrisk.model.AttackNorm.parse((String) r.get("attack")),
                    org.advrisk.model.Target.parse((String) r.get("target")));
            assertThat(r.get("de_adv_risk")).isEqualTo(expect.advRisk());
            assertThat(r.get("de_norm_l2")).isEqualTo(expect.normL2());
        }
        assertThat(TrialEvaluator.forSpec(spec("twolevel:spikes=2,spike=1,tail=4")).evaluate(Sweep.trials(s).get(0))
                .get(0).toMap()).doesNotContainKey("de_std_risk");
    }

    @Test
    void rowsCoverEveryLambdaAttackAndAlphaWithThePointColumnsFirst() {
        Spec s = spec("twolevel:spikes=2,spike=1,tail=4");
        Trial t = Sweep.trials(s).get(0);
        List<Map<String, Object>> rows = Runner.rowsOf(TrialEvaluator.forSpec(s), t);
        assertThat(rows).hasSize(2 * 2 * 2);
        assertThat(rows.get(0).keySet()).startsWith("family", "spectrum", "theta", "p_rule", "sigma", "design", "noise",
                "n", "p", "trial", "seed", "lambda", "alpha", "attack", "target");
        assertThat(rows.get(0)).containsEntry("n", 16).containsEntry("p", 256L).containsEntry("trial", 0L);
        for (Map<String, Object> r : rows) {
            double std = ((Number) r.get("std_risk")).doubleValue();
            double adv = ((Number) r.get("adv_risk")).doubleValue();
            double alpha = ((Number) r.get("alpha")).doubleValue();
            double dual = ((Number) r.get("norm_dual")).doubleValue();
            // docs/theory.md §1 bounds: R + α²‖θ‖_q² ≤ R_α ≤ (√R + α‖θ‖_q)².
            assertThat(adv).isBetween(std + alpha * alpha * dual * dual - 1e-12,
                    Math.pow(Math.sqrt(std) + alpha * dual, 2) + 1e-12);
        }
    }

    @Test
    void spectrumExpressionsOfNGiveTheSameNumbersAsTheEvaluatedSpectrum() {
        // tail = n^0.5 at n = 16 is tail = 4: same problem, same random streams, same rows.
        Spec byExpr = spec("twolevel:spikes=2,spike=1,tail=n^0.5");
        Spec byValue = spec("twolevel:spikes=2,spike=1,tail=4");
        List<Map<String, Object>> a = maps(TrialEvaluator.forSpec(byExpr).evaluate(Sweep.trials(byExpr).get(0)));
        List<Map<String, Object>> b = maps(TrialEvaluator.forSpec(byValue).evaluate(Sweep.trials(byValue).get(0)));
        assertThat(a).isEqualTo(b);
    }

    private static List<Map<String, Object>> maps(List<org.advrisk.columns.Row> rows) {
        return rows.stream().map(org.advrisk.columns.Row::toMap).toList();
    }
}
