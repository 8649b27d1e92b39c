package org.advrisk.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.advrisk.advtrain.AdvTrainTrial;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.LinearProblem;
import org.advrisk.linear.LinearQuery;
import org.advrisk.linear.LinearTrial;
import org.advrisk.model.Target;
import org.junit.jupiter.api.Test;

/**
 * {@code estimator: [ridge, advtrain]} in spec files: read, checked (one message naming the field),
 * written to the canonical form only when used, and evaluated into the rows of {@link AdvTrainTrial}
 * beside the ridge rows of the same training set.
 */
class SpecEstimatorsTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final String BASE = "{\"n\": [30], \"p\": 90, \"spectrum\": \"twolevel:spikes=3,spike=1,tail=1\","
            + " \"theta\": \"top:k=3,norm=1\", \"seed\": 7, \"trials\": 2, \"lambda\": [0, 0.1], \"alpha\": [0.1, 0.3],"
            + " \"attack\": [\"l2\", \"linf\"], \"theory\": false";

    private static Spec read(String extra) throws Exception {
        return SpecReader.read(M.readTree(BASE + extra + "}"), "t");
    }

    @Test
    void readsTheEstimatorFieldsAndWritesThemOnlyWhenUsed() throws Exception {
        Spec s = read(", \"estimator\": [\"ridge\", \"advtrain\"], \"delta\": [0.05, \"logspace:-1,0,2\"],"
                + " \"train_attack\": [\"l2\", \"linf\"]");
        assertThat(s.estimators().ridge()).isTrue();
        assertThat(s.estimators().advtrain()).isTrue();
        assertThat(s.estimators().delta()).containsExactly(0.05, 0.1, 1.0);
        assertThat(s.estimators().trainAttack()).containsExactly("l2", "linf");
        JsonNode tree = s.toTree();
        assertThat(tree.get("estimator").toString()).isEqualTo("[\"ridge\",\"advtrain\"]");
        // The canonical form reads back to the same spec (what a resume and the report do).
        assertThat(SpecReader.read(M.readTree(M.writeValueAsString(tree)), "t")).isEqualTo(s);
        Spec ridge = read("");
        assertThat(ridge.estimators()).isEqualTo(SpecEstimators.RIDGE);
        assertThat(ridge.toTree().has("estimator")).isFalse();
        assertThat(read(", \"estimator\": \"advtrain\", \"delta\": 0.2").estimators().trainAttack())
                .as("default training attack").containsExactly("l2");
    }

    @Test
    void badValuesNameTheField() {
        String[][] cases = {
            {", \"estimator\": \"lasso\"", "estimator: 'lasso' is unknown; allowed: ridge, advtrain"},
            {", \"estimator\": [\"ridge\", \"knn\"]", "estimator[1]: 'knn' is unknown; allowed: ridge, advtrain"},
            {", \"estimator\": \"advtrain\"", "delta: missing; estimator advtrain needs budgets δ > 0"},
            {", \"estimator\": \"advtrain\", \"delta\": [0.1, 0]", "delta[1]: 0 is not allowed; allowed: > 0, at most 1.0E50"},
            {", \"estimator\": \"advtrain\", \"delta\": -1", "delta: -1 is not allowed; allowed: > 0, at most 1.0E50"},
            {", \"estimator\": \"advtrain\", \"delta\": \"x\"", "delta: 'x' is not a number"},
            {", \"delta\": 0.1", "delta: given, but estimator has no advtrain"},
            {", \"estimator\": \"advtrain\", \"delta\": 0.1, \"train_attack\": \"l1\"",
                "train_attack: 'l1' is unknown; allowed: l2, linf"},
            {", \"train_attack\": \"linf\"", "train_attack: given, but estimator has no advtrain"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> read(c[0])).as(c[0]).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(c[1]);
        }
    }

    @Test
    void advtrainIsRefusedBeyondTheDesignCapAndForNtk() {
        assertThatThrownBy(() -> SpecReader.read(M.readTree("{\"n\": [100, 10000], \"p\": \"n\", \"spectrum\": \"isotropic\","
                + " \"estimator\": [\"ridge\", \"advtrain\"], \"delta\": 0.1}"), "t"))
                .hasMessageStartingWith("estimator: advtrain holds the n×p design in memory, but n = 10000 with p = n ="
                        + " 10000 needs n·p = 100000000 doubles, more than 50000000");
        assertThatThrownBy(() -> SpecReader.read(M.readTree("{\"family\": \"ntk\", \"n\": 50, \"p\": 20, \"spectrum\":"
                + " \"isotropic\", \"estimator\": [\"ridge\", \"advtrain\"], \"delta\": 0.1}"), "t"))
                .hasMessageStartingWith("estimator: advtrain is not available for family ntk");
    }

    @Test
    void advtrainRowsAreThoseOfAdvTrainTrialBesideTheRidgeRowsOfTheSameTrainingSet() throws Exception {
        Spec s = read(", \"estimator\": [\"ridge\", \"advtrain\"], \"delta\": [0.02, 0.3], \"train_attack\": [\"l2\","
                + " \"linf\"]");
        Trial t = Sweep.trials(s).get(1);
        List<org.advrisk.columns.Row> rows = TrialEvaluator.forSpec(s).evaluate(t);
        LinearProblem problem = LinearTrialEvaluator.problem(t.point(), t.seed());
        LinearQuery q = new LinearQuery(new double[] {0, 0.1}, new double[] {0.1, 0.3},
                List.of(AttackNorm.L2, AttackNorm.LINF), List.of(Target.CLEAN), LinearTrialEvaluator.TEST_SIZE);
        int ridgeRows = 2 * 2 * 2;
        assertThat(rows).hasSize(ridgeRows + 2 * ridgeRows);
        // Ridge rows: the plain ridge rows (θ̂ is needed for linf, so the training set is streamed either way)
        // with empty estimator columns.
        var ridge = LinearTrial.evaluate(problem, q, t.seed(), t.trial(), 1);
        for (int i = 0; i < ridgeRows; i++) {
            assertThat(rows.get(i)).isEqualTo(AdvTrainTrial.withColumns(ridge.get(i).row(), "ridge", Double.NaN, "", 0,
                    0, null));
        }
        // advtrain rows: those of AdvTrainTrial, for l2 then linf training.
        List<org.advrisk.columns.Row> l2 = AdvTrainTrial.evaluate(problem, q, new double[] {0.02, 0.3}, AttackNorm.L2,
                t.seed(), t.trial());
        List<org.advrisk.columns.Row> linf = AdvTrainTrial.evaluate(problem, q, new double[] {0.02, 0.3}, AttackNorm.LINF,
                t.seed(), t.trial());
        assertThat(rows.subList(ridgeRows, 2 * ridgeRows)).isEqualTo(l2);
        assertThat(rows.subList(2 * ridgeRows, 3 * ridgeRows)).isEqualTo(linf);
        assertThat(rows.get(ridgeRows).toMap()).containsEntry("estimator", "advtrain").containsEntry("train_attack", "l2");
    }

    @Test
    void withAConstantTailTheRidgeRowsStreamTheDesignAdvtrainHolds() {
        // l2 attacks only on a twolevel spectrum with p ≥ 2n: ridge alone draws the tail exactly (Wishart); with
        // advtrain it must stream, so that below δ̄ advtrain (the min-norm interpolator) equals ridge at λ = 0.
        Spec s = new Spec("t", Family.LINEAR, 5, 1, List.of(20), List.of(SizeRule.parse("p", "4*n")), List.of(0.5),
                List.of("twolevel:spikes=3,spike=1,tail=1"), List.of("top:k=3,norm=1"), List.of("gaussian"),
                List.of("gaussian"), List.of(0.0), List.of(0.1), List.of("l2"), List.of("clean"), false, List.of(0),
                new SpecEstimators(List.of("ridge", "advtrain"), List.of(1e-3), List.of("l2")));
        List<Map<String, Object>> rows = TrialEvaluator.forSpec(s).evaluate(Sweep.trials(s).get(0)).stream()
                .map(org.advrisk.columns.Row::toMap).toList();
        assertThat(rows).hasSize(2);
        assertThat(((Number) rows.get(1).get("iterations")).intValue()).as("closed form").isZero();
        double a = ((Number) rows.get(0).get("std_risk")).doubleValue();
        double b = ((Number) rows.get(1).get("std_risk")).doubleValue();
        // Eigenbasis of the streamed Gram vs Cholesky of XXᵀ: rounding only.
        assertThat(b).isCloseTo(a, org.assertj.core.api.Assertions.within(1e-9 * a));
    }
}
