package org.advrisk.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.advrisk.kernel.Activation;
import org.advrisk.ntk.NtkEquivalent;
import org.advrisk.ntk.NtkRow;
import org.advrisk.ntk.NtkTrial;
import org.junit.jupiter.api.Test;

/** The spec field {@code activation:} of family ntk: read, written, refused, and reaching the kernel and its DE. */
class SpecActivationTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final String NTK = "'family': 'ntk', 'n': 40, 'p': '2*n', 'spectrum': 'isotropic', 'lambda': [0, 0.01],"
            + " 'alpha': 0.1, 'seed': 3";

    private static JsonNode json(String s) throws Exception {
        return M.readTree(s.replace('\'', '"'));
    }

    private static Spec read(String s) throws Exception {
        return SpecReader.read(json(s), "t");
    }

    private static List<Map<String, Object>> rows(Spec spec) {
        TrialEvaluator ev = TrialEvaluator.forSpec(spec);
        return Runner.rowsOf(ev, Sweep.trials(spec).get(0));
    }

    @Test
    void theActivationReachesTheKernelAndItsRows() throws Exception {
        Spec erf = read("{" + NTK + ", 'activation': 'erf'}");
        Spec relu = read("{" + NTK + "}");
        assertThat(erf.activation()).isEqualTo("erf");
        assertThat(relu.activation()).isEqualTo("relu");
        List<Map<String, Object>> e = rows(erf);
        List<Map<String, Object>> r = rows(relu);
        assertThat(e).extracting(x -> x.get("activation")).containsOnly("erf");
        // the rows are those of the NTK trial with the erf kernel, and differ from relu's on the same training set
        Trial t = Sweep.trials(erf).get(0);
        NtkTrialEvaluator ev = (NtkTrialEvaluator) TrialEvaluator.forSpec(erf);
        List<NtkRow> direct = NtkTrial.run(ev.config(t), t.trial(), 1);
        assertThat(ev.config(t).activation()).isEqualTo(Activation.ERF);
        for (int i = 0; i < e.size(); i++) {
            assertThat(e.get(i).get("std_risk")).isEqualTo(direct.get(i).stdRisk());
            assertThat((double) e.get(i).get("std_risk")).isNotEqualTo((double) r.get(i).get("std_risk"));
        }
        // erf has a linear part: its deterministic equivalent is drawn from its own coefficients (not relu's)
        double deErf = (double) e.get(1).get("de_std_risk");
        assertThat(deErf).isFinite().isPositive().isNotEqualTo((double) r.get(1).get("de_std_risk"));
        NtkEquivalent direct1 = new NtkEquivalent(ev.config(t).data(), 40, Activation.ERF);
        assertThat(deErf).isEqualTo(direct1.columns(0.01, 0.1, org.advrisk.model.AttackNorm.parse("l2")).stdRisk());
    }

    @Test
    void anEvenActivationHasNoDeterministicEquivalent() throws Exception {
        List<Map<String, Object>> rows = rows(read("{" + NTK + ", 'activation': 'abs'}"));
        for (Map<String, Object> row : rows) {
            assertThat((double) row.get("std_risk")).isFinite();
            assertThat((double) row.get("de_std_risk")).isNaN();
            assertThat((double) row.get("de_adv_risk")).isNaN();
        }
    }

    @Test
    void theCanonicalFormNamesOnlyANonDefaultActivation() throws Exception {
        Spec relu = read("{" + NTK + "}");
        Spec tanh = read("{" + NTK + ", 'activation': 'TANH'}");
        assertThat(relu.toTree().has("activation")).isFalse();
        assertThat(tanh.toTree().get("activation").textValue()).isEqualTo("tanh");
        assertThat(SpecReader.read(tanh.toTree(), "t")).isEqualTo(tanh);
    }

    @Test
    void badActivationsAreRefusedByName() {
        assertThatThrownBy(() -> read("{" + NTK + ", 'activation': 'sigmoid'}"))
                .hasMessageContaining("activation: 'sigmoid' is not allowed; allowed: relu, abs, erf");
        assertThatThrownBy(() -> read("{" + NTK + ", 'activation': ['erf']}"))
                .hasMessageContaining("activation: ").hasMessageContaining("allowed: relu, abs");
        assertThatThrownBy(() -> read("{'n': 40, 'p': '2*n', 'spectrum': 'isotropic', 'activation': 'erf'}"))
                .hasMessageContaining("activation: 'erf' is not allowed for family linear");
    }
}
