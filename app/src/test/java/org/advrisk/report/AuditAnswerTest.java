package org.advrisk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit's answer-first sentences quote the summary's numbers (ratios and percentages recomputed here). */
class AuditAnswerTest {
    private static Map<String, Object> row(double lStd, double lAdv, double testStd, double advStd, double testAdv,
                                           double advAdv, double zero, String top) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attack", "linf");
        m.put("alpha", 0.05);
        m.put("lambda_std", lStd);
        m.put("lambda_adv", lAdv);
        m.put("test_mse_at_lambda_std", testStd);
        m.put("adv_test_mse_at_lambda_std", advStd);
        m.put("test_mse_at_lambda_adv", testAdv);
        m.put("adv_test_mse_at_lambda_adv", advAdv);
        m.put("adv_at_lambda0_over_best", zero);
        m.put("top_features", top);
        return m;
    }

    @Test
    void theSentencesGiveTheRobustLambdaItsCostInterpolationAndExposedFeatures() {
        // cost: 0.06 / 0.05 - 1 = +20.0%; robustness: 0.4 / 0.2 = 2×
        String s = AuditAnswer.of(List.of(row(0.01, 1, 0.05, 0.4, 0.06, 0.2, 7.5, "bmi:0.412;s5:0.233;bp:0.101;age:0.05")))
                .get(0);
        assertThat(s).startsWith("linf attack, α = 0.05: the most robust λ = 1 has adversarial MSE 0.2")
                .contains("the most accurate λ = 0.01 has 2× that", "costs +20.0% test MSE (0.06 vs 0.05)",
                        "Interpolating (λ = 0) gives 7.5× the best adversarial MSE", "bmi 41%, s5 23%, bp 10%.")
                .doesNotContain("age");
        // one λ serves both; no λ = 0 in the grid (NaN): no interpolation sentence
        String t = AuditAnswer.of(List.of(row(0.3, 0.3, 0.05, 0.07, 0.05, 0.07, Double.NaN, ""))).get(0);
        assertThat(t).contains("one λ = 0.3 is both the most accurate and the most robust").doesNotContain("Interpolating")
                .doesNotContain("features");
    }
}
