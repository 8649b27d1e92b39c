package org.advrisk.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.advrisk.ntk.NtkRow;
import org.advrisk.ntk.NtkTrial;
import org.junit.jupiter.api.Test;

/** {@code family: ntk} runs the NTK trial of each grid point, with the runner's parameter columns. */
class NtkTrialEvaluatorTest {
    private static Spec spec(List<String> attack, List<String> target) {
        return new Spec("ntk-test", Family.NTK, 3, 2, List.of(40, 60), List.of(SizeRule.parse("p", "2*n")),
                List.of(0.5), List.of("isotropic"), List.of("top:k=1,norm=1"), List.of("gaussian"),
                List.of("gaussian"), List.of(0.0, 0.01), List.of(0.1), attack, target, false);
    }

    @Test
    void rowsEqualTheNtkTrialOfThePoint() {
        Spec spec = spec(List.of("l2", "linf"), List.of("clean"));
        TrialEvaluator ev = TrialEvaluator.forSpec(spec);
        List<Trial> trials = Sweep.trials(spec);
        assertThat(trials).hasSize(4);
        Trial t = trials.get(trials.size() - 1);
        List<Map<String, Object>> rows = Runner.rowsOf(ev, t);
        assertThat(rows).hasSize(2 * 2);
        Map<String, Object> first = rows.get(0);
        assertThat(first).containsKeys("family", "spectrum", "n", "p", "d", "m", "lambda", "alpha", "attack",
                "std_risk", "adv_risk", "gt_adv_risk", "norm_l2", "norm_l2_sq", "adv_risk_first_order", "lambda_eff",
                "lin_std_risk", "lin_adv_risk");
        assertThat(first.get("family")).isEqualTo("ntk");
        assertThat(((Number) first.get("d")).intValue()).isEqualTo(2 * t.point().n());
        List<NtkRow> direct = NtkTrial.run(((NtkTrialEvaluator) ev).config(t), t.trial(), 1);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get("std_risk")).isEqualTo(direct.get(i).stdRisk());
            assertThat(rows.get(i).get("adv_risk")).isEqualTo(direct.get(i).advRisk());
            double n2 = (double) rows.get(i).get("norm_l2");
            assertThat((double) rows.get(i).get("norm_l2_sq")).isEqualTo(n2 * n2);
        }
    }

    @Test
    void aFiniteWidthAddsTheRowsOfOneTrainedNetworkAtLambdaZero() {
        Spec base = spec(List.of("l2"), List.of("clean"));
        Spec spec = new Spec(base.name(), base.family(), base.seed(), 1, List.of(40), base.p(), base.sigma(),
                base.spectrum(), base.theta(), base.design(), base.noise(), base.lambda(), base.alpha(), base.attack(),
                base.target(), false, List.of(0, 60));
        NtkTrialEvaluator ev = (NtkTrialEvaluator) TrialEvaluator.forSpec(spec);
        Trial t = Sweep.trials(spec).get(0);
        List<Map<String, Object>> rows = Runner.rowsOf(ev, t);
        // Width inf: the kernel ridge path over λ ∈ {0, 0.01}; width 60: the network at λ = 0 only.
        assertThat(rows).extracting(r -> r.get("m")).containsExactly("inf", "inf", 60);
        assertThat(rows).extracting(r -> r.get("lambda")).containsExactly(0.0, 0.01, 0.0);
        Map<String, Object> net = rows.get(2);
        NtkRow direct = NtkTrial.run(ev.config(t, 60), t.trial(), 1).get(0);
        assertThat(net.get("std_risk")).isEqualTo(direct.stdRisk());
        assertThat(net.get("kernel_gap_rms")).isEqualTo(direct.tracking().rmsGap());
        assertThat((double) net.get("kernel_gap_rms")).isPositive().isFinite();
        assertThat((double) net.get("weight_move")).isPositive();
        assertThat((double) rows.get(0).get("kernel_gap_rms")).isNaN();
    }

    @Test
    void attacksAndTargetsTheNtkFamilyCannotRunAreRefused() {
        assertThatThrownBy(() -> TrialEvaluator.forSpec(spec(List.of("l1"), List.of("clean"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attack: 'l1' is not allowed for family ntk; allowed: l2, linf");
        assertThatThrownBy(() -> TrialEvaluator.forSpec(spec(List.of("l2"), List.of("noisy"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target: 'noisy' is not allowed for family ntk; allowed: clean");
    }
}
