package org.advrisk.linear;

import static org.advrisk.columns.Columns.ADV_RISK;
import static org.advrisk.columns.Columns.ADV_RISK_SE;
import static org.advrisk.columns.Columns.ALPHA;
import static org.advrisk.columns.Columns.ALPHA_C;
import static org.advrisk.columns.Columns.ATTACK;
import static org.advrisk.columns.Columns.DESIGN;
import static org.advrisk.columns.Columns.GT_ADV_RISK;
import static org.advrisk.columns.Columns.LAMBDA;
import static org.advrisk.columns.Columns.N;
import static org.advrisk.columns.Columns.NORM_DUAL;
import static org.advrisk.columns.Columns.NORM_L2;
import static org.advrisk.columns.Columns.P;
import static org.advrisk.columns.Columns.SEED;
import static org.advrisk.columns.Columns.STD_RISK;
import static org.advrisk.columns.Columns.TARGET;
import static org.advrisk.columns.Columns.TRAIN_MSE;
import static org.advrisk.columns.Columns.TRIAL;

import java.util.Map;
import org.advrisk.columns.Row;
import org.advrisk.columns.RowTypes;
import org.advrisk.model.Target;

/**
 * One output row of a linear estimate: the risks of θ̂ on one training set for one (α, attack,
 * target), a {@link Row} of type {@link RowTypes#LINEAR} (columns and their meanings in
 * {@link org.advrisk.columns.Columns}), built by column in {@link LinearRiskRows}. The accessors read
 * the row's columns.
 *
 * @param row the row (type {@link RowTypes#LINEAR})
 */
public record LinearRiskRow(Row row) {
    public LinearRiskRow {
        if (row.type() != RowTypes.LINEAR) {
            throw new IllegalArgumentException("rows: a LinearRiskRow holds a linear row, not " + row.type().name());
        }
    }

    /** Training-set index. */
    public long trial() {
        return row.integer(TRIAL);
    }

    /** Experiment seed. */
    public long seed() {
        return row.integer(SEED);
    }

    /** Sample size. */
    public int n() {
        return (int) row.integer(N);
    }

    /** Dimension. */
    public long p() {
        return row.integer(P);
    }

    /** The path parameter (λ for ridge; the path's own parameter, e.g. δ, before adversarial training's trial relabels it). */
    public double lambda() {
        return row.number(LAMBDA);
    }

    /** Attack budget. */
    public double alpha() {
        return row.number(ALPHA);
    }

    /** Attack norm label (l2, linf, l1, lp:P). */
    public String attack() {
        return row.text(ATTACK);
    }

    /** Target convention. */
    public String target() {
        return row.text(TARGET);
    }

    /** Design distribution. */
    public String design() {
        return row.text(DESIGN);
    }

    /** Excess standard risk ‖θ̂ − θ*‖²_Σ (exact). */
    public double stdRisk() {
        return row.number(STD_RISK);
    }

    /** Adversarial risk (exact for Gaussian designs, else E|e| estimated on a test sample). */
    public double advRisk() {
        return row.number(ADV_RISK);
    }

    /** Standard error of advRisk (0 when exact). */
    public double advRiskSe() {
        return row.number(ADV_RISK_SE);
    }

    /** The ground truth's adversarial risk under the same attack and target. */
    public double gtAdvRisk() {
        return row.number(GT_ADV_RISK);
    }

    /** ‖θ̂‖₂. */
    public double normL2() {
        return row.number(NORM_L2);
    }

    /** The dual norm the attack sees: ‖θ̂‖_q, or ‖θ̂ − θ*‖_q for the consistent target. */
    public double normDual() {
        return row.number(NORM_DUAL);
    }

    /** Crossover budget √(R/‖θ̂‖²). */
    public double alphaC() {
        return row.number(ALPHA_C);
    }

    /** Training mean squared error. */
    public double trainMse() {
        return row.number(TRAIN_MSE);
    }

    /** Column name → value, in output order. */
    public Map<String, Object> toMap() {
        return row.toMap();
    }
}
