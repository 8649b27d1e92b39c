package org.advrisk.ntk;

import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;
import org.advrisk.columns.RowTypes;

/**
 * One output row: one (trial, λ, α, attack) of an NTK experiment, a {@link Row} of type
 * {@link RowTypes#NTK} built by column in {@link NtkTrial}. Columns follow {@code advrisk linear}
 * (risks are excess risks against the clean target ⟨x, θ*⟩, estimated on the test sample) plus the NTK
 * columns (meanings in {@link Columns}). For a non-linear predictor "norm_l2" is √E‖∇f‖₂² and
 * "norm_dual" √E‖∇f‖²_q (both equal ‖θ‖ for a linear model); adv_risk is the PGD estimate (a lower
 * bound of the true adversarial risk). Fields not defined for a run (kernel_gap etc. at infinite
 * width) are NaN; m = "inf" is the infinite-width kernel.
 *
 * @param row      the row (type {@link RowTypes#NTK})
 * @param tracking the kernel-tracking diagnostics behind the kernel_* and grad_* columns (finite width;
 *                 null at infinite width)
 */
public record NtkRow(Row row, KernelTracking tracking) {
    public NtkRow {
        if (row.type() != RowTypes.NTK) {
            throw new IllegalArgumentException("rows: an NtkRow holds an ntk row, not " + row.type().name());
        }
    }

    /** Kernel ridge parameter. */
    public double lambda() {
        return row.number(Columns.LAMBDA);
    }

    /** Attack budget. */
    public double alpha() {
        return row.number(Columns.ALPHA);
    }

    /** Standard risk on the test points. */
    public double stdRisk() {
        return row.number(Columns.STD_RISK);
    }

    /** Adversarial risk (the PGD estimate). */
    public double advRisk() {
        return row.number(Columns.ADV_RISK);
    }

    /** The PGD estimate of the adversarial risk. */
    public double advRiskPgd() {
        return row.number(Columns.ADV_RISK_PGD);
    }

    /** The first-order surrogate E(|f − f*| + α‖∇f‖_q)². */
    public double advRiskFirstOrder() {
        return row.number(Columns.ADV_RISK_FIRST_ORDER);
    }

    /** √E‖∇f‖₂². */
    public double normL2() {
        return row.number(Columns.NORM_L2);
    }

    /** Operator-norm error of the linearisation. */
    public double linError() {
        return row.number(Columns.LIN_ERROR);
    }

    /** Column name → value, in output order. */
    public Map<String, Object> toMap() {
        return row.toMap();
    }
}
