package org.advrisk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.advrisk.columns.Columns;

/**
 * The audit's answer first, computed from its summary rows (one per attack and budget): the most robust
 * λ and what it costs in test MSE over the most accurate λ, what interpolating (λ = 0) costs in
 * adversarial MSE, and the most exposed features with their share of the attack's norm. Printed above
 * the tables ({@code advrisk audit}) and on top of the audit's report.html.
 */
public final class AuditAnswer {
    private AuditAnswer() {
    }

    /** One paragraph per (attack, α), each two or three sentences. */
    public static List<String> of(List<Map<String, Object>> summary) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> s : summary) {
            double lStd = num(s, Columns.LAMBDA_STD.name());
            double lAdv = num(s, Columns.LAMBDA_ADV.name());
            double testStd = num(s, Columns.TEST_MSE_AT_LAMBDA_STD.name());
            double advStd = num(s, Columns.ADV_TEST_MSE_AT_LAMBDA_STD.name());
            double testAdv = num(s, Columns.TEST_MSE_AT_LAMBDA_ADV.name());
            double advAdv = num(s, Columns.ADV_TEST_MSE_AT_LAMBDA_ADV.name());
            double zero = num(s, Columns.ADV_AT_LAMBDA0_OVER_BEST.name());
            StringBuilder b = new StringBuilder();
            b.append(s.get(Columns.ATTACK.name())).append(" attack, α = ").append(g(num(s, Columns.ALPHA.name())))
                    .append(": ");
            if (lAdv == lStd) {
                b.append("one λ = ").append(g(lStd)).append(" is both the most accurate and the most robust (test MSE ")
                        .append(g(testStd)).append(", adversarial MSE ").append(g(advAdv))
                        .append("): robustness costs nothing here.");
            } else {
                b.append("the most robust λ = ").append(g(lAdv)).append(" has adversarial MSE ").append(g(advAdv))
                        .append(" (the most accurate λ = ").append(g(lStd)).append(" has ").append(g(advStd / advAdv))
                        .append("× that) and costs ").append(pct(testAdv / testStd - 1)).append(" test MSE (")
                        .append(g(testAdv)).append(" vs ").append(g(testStd)).append(").");
            }
            if (Double.isFinite(zero)) {
                b.append(" Interpolating (λ = 0) gives ").append(g(zero)).append("× the best adversarial MSE.");
            }
            String top = String.valueOf(s.getOrDefault(Columns.TOP_FEATURES.name(), ""));
            if (!top.isBlank()) {
                List<String> feats = new ArrayList<>();
                for (String f : top.split(";")) {
                    int c = f.lastIndexOf(':');
                    if (c > 0 && feats.size() < 3) {
                        feats.add(f.substring(0, c) + " " + pct0(Double.parseDouble(f.substring(c + 1))));
                    }
                }
                b.append(" Most exposed features at the robust λ (share of the attack's norm): ")
                        .append(String.join(", ", feats)).append(".");
            }
            out.add(b.toString());
        }
        return out;
    }

    private static double num(Map<String, Object> s, String k) {
        return s.get(k) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String g(double v) {
        return RunData.fmt(v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * v);
    }

    private static String pct0(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }
}
