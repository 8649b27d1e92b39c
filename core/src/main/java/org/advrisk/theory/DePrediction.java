package org.advrisk.theory;

import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;

/**
 * The deterministic-equivalent predictions for one simulated row: the columns de_std_risk,
 * de_norm_l2 and de_adv_risk (NaN where no equivalent exists).
 *
 * @param stdRisk predicted standard risk
 * @param normL2  predicted ‖θ̂‖₂ (or √E‖∇f̂‖² for the NTK)
 * @param advRisk predicted adversarial risk
 */
public record DePrediction(double stdRisk, double normL2, double advRisk) {
    /** No equivalent. */
    public static final DePrediction NONE = new DePrediction(Double.NaN, Double.NaN, Double.NaN);

    /** The row with these predictions in its de_* columns (placed by the row type). */
    public Row addTo(Row row) {
        return row.toBuilder().set(Columns.DE_STD_RISK, stdRisk).set(Columns.DE_ADV_RISK, advRisk)
                .set(Columns.DE_NORM_L2, normL2).build();
    }
}
