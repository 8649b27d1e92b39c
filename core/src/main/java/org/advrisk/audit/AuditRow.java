package org.advrisk.audit;

import java.util.Map;
import org.advrisk.columns.Column;
import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;
import org.advrisk.columns.RowType;
import org.advrisk.columns.RowTypes;
import org.advrisk.estimator.SpectralRows;

/**
 * One row of an audit: a (split, estimator, λ, attack, α) with its risks on the test part.
 *
 * @param split         split label (split-1, fold-3, test-file, all)
 * @param estimator     estimator name (ridge, external)
 * @param lambda        ridge λ (NaN for an external model without one)
 * @param attack        attack norm label
 * @param alpha         budget α as given
 * @param alphaEff      the budget actually used (α times the mean training norm under mean-norm)
 * @param trainMse      training MSE (NaN when the model was not trained here)
 * @param testMse       test MSE
 * @param advTestMse    mean over test rows of sup (f(x+δ) − y)²
 * @param advTestMseSe  its standard error over test rows
 * @param certified     true when advTestMse is exact (linear model), false for an attack's lower bound
 * @param normDual      ‖Dθ̂‖_q, the norm the attack sees
 * @param nTrain        training rows
 * @param nTest         test rows
 * @param p             features
 * @param advFirstOrder with a feature map: the first-order estimate mean (|r| + α‖∇f‖_q)² (NaN otherwise)
 * @param advTrain      the adversarial-training fit of an advtrain row (null for every other row)
 * @param flow          the time (and steps, step size) of a gf or gd row (null for every other row)
 * @param extra         the columns of the registry's plug-in estimators (their parameter; empty values on other
 *                      rows of the same audit), after the audit's own columns; null without plug-ins
 */
public record AuditRow(String split, String estimator, double lambda, String attack, double alpha, double alphaEff,
                       double trainMse, double testMse, double advTestMse, double advTestMseSe, boolean certified,
                       double normDual, int nTrain, int nTest, int p, double advFirstOrder, AdvTrainColumns advTrain,
                       Flow flow, Map<Column, Object> extra) {
    /** A row without plug-in columns. */
    public AuditRow(String split, String estimator, double lambda, String attack, double alpha, double alphaEff,
                    double trainMse, double testMse, double advTestMse, double advTestMseSe, boolean certified,
                    double normDual, int nTrain, int nTest, int p, double advFirstOrder, AdvTrainColumns advTrain,
                    Flow flow) {
        this(split, estimator, lambda, attack, alpha, alphaEff, trainMse, testMse, advTestMse, advTestMseSe, certified,
                normDual, nTrain, nTest, p, advFirstOrder, advTrain, flow, null);
    }

    /** This row with every one of {@code columns} (in that order): its own values, empty values for the others. */
    public AuditRow withColumns(java.util.List<Column> columns) {
        Map<Column, Object> m = new java.util.LinkedHashMap<>();
        for (Column c : columns) {
            m.put(c, extra != null && extra.containsKey(c) ? extra.get(c) : SpectralRows.blank(c));
        }
        return new AuditRow(split, estimator, lambda, attack, alpha, alphaEff, trainMse, testMse, advTestMse,
                advTestMseSe, certified, normDual, nTrain, nTest, p, advFirstOrder, advTrain, flow, m);
    }

    /**
     * The early-stopping columns of a gf or gd row, as {@code advrisk linear} prints them.
     *
     * @param time  t (gd: ηK)
     * @param steps K for gd, -1 for gf (printed inf)
     * @param eta   η for gd, NaN for gf
     */
    public record Flow(double time, long steps, double eta) {
    }

    /** A row without early-stopping columns. */
    public AuditRow(String split, String estimator, double lambda, String attack, double alpha, double alphaEff,
                    double trainMse, double testMse, double advTestMse, double advTestMseSe, boolean certified,
                    double normDual, int nTrain, int nTest, int p, double advFirstOrder, AdvTrainColumns advTrain) {
        this(split, estimator, lambda, attack, alpha, alphaEff, trainMse, testMse, advTestMse, advTestMseSe, certified,
                normDual, nTrain, nTest, p, advFirstOrder, advTrain, null);
    }

    /**
     * The columns of an adversarially trained row, as {@code advrisk linear} prints them.
     *
     * @param delta       the training budget δ
     * @param trainAttack l2 or linf
     * @param iterations  solver iterations at this δ
     * @param trainGap    the certified relative duality gap of the fit
     * @param delta0      δ₀ of the split's training rows (θ̂ = 0 at and above it)
     * @param deltaBar    δ̄ (interpolation below it when p ≥ n_train; NaN when it does not apply)
     */
    public record AdvTrainColumns(double delta, String trainAttack, int iterations, double trainGap, double delta0,
                                  double deltaBar) {
    }

    /** A row without adversarial-training columns. */
    public AuditRow(String split, String estimator, double lambda, String attack, double alpha, double alphaEff,
                    double trainMse, double testMse, double advTestMse, double advTestMseSe, boolean certified,
                    double normDual, int nTrain, int nTest, int p, double advFirstOrder) {
        this(split, estimator, lambda, attack, alpha, alphaEff, trainMse, testMse, advTestMse, advTestMseSe, certified,
                normDual, nTrain, nTest, p, advFirstOrder, null);
    }

    /** A certified row of a linear model (no first-order column). */
    public AuditRow(String split, String estimator, double lambda, String attack, double alpha, double alphaEff,
                    double trainMse, double testMse, double advTestMse, double advTestMseSe, boolean certified,
                    double normDual, int nTrain, int nTest, int p) {
        this(split, estimator, lambda, attack, alpha, alphaEff, trainMse, testMse, advTestMse, advTestMseSe, certified,
                normDual, nTrain, nTest, p, Double.NaN);
    }

    /** Column name → value, in output order. */
    public Map<String, Object> toMap(boolean withAlphaEff) {
        return toMap(withAlphaEff, false);
    }

    /** Column name → value, in output order; {@code withFirstOrder} adds adv_test_mse_first_order. */
    public Map<String, Object> toMap(boolean withAlphaEff, boolean withFirstOrder) {
        return row(withAlphaEff, withFirstOrder, false).toMap();
    }

    /**
     * Column name → value, in output order; {@code withAdvTrain} adds, after {@code lambda}, the columns
     * of {@code advrisk linear --estimator ridge,advtrain}: delta, train_attack, iterations, train_gap,
     * delta0, delta_bar (NaN / empty / 0 on ridge rows, as there).
     */
    public Map<String, Object> toMap(boolean withAlphaEff, boolean withFirstOrder, boolean withAdvTrain) {
        return row(withAlphaEff, withFirstOrder, withAdvTrain).toMap();
    }

    /** As above; {@code withFlow} adds time, steps, eta and lambda_equiv (NaN / 0 / NaN / NaN on other rows). */
    public Map<String, Object> toMap(boolean withAlphaEff, boolean withFirstOrder, boolean withAdvTrain, boolean withFlow) {
        return row(withAlphaEff, withFirstOrder, withAdvTrain, withFlow).toMap();
    }

    /** The row (type {@link RowTypes#AUDIT}); alpha_eff, adv_test_mse_first_order and advtrain columns when asked for. */
    public Row row(boolean withAlphaEff, boolean withFirstOrder, boolean withAdvTrain) {
        return row(withAlphaEff, withFirstOrder, withAdvTrain, false);
    }

    /** The row with the early-stopping columns too when {@code withFlow}. */
    public Row row(boolean withAlphaEff, boolean withFirstOrder, boolean withAdvTrain, boolean withFlow) {
        Row.Builder b = RowTypes.AUDIT.row().set(Columns.SPLIT, split).set(Columns.ESTIMATOR, estimator)
                .set(Columns.LAMBDA, lambda);
        if (withAdvTrain) {
            AdvTrainColumns a = advTrain;
            b.set(Columns.DELTA, a == null ? Double.NaN : a.delta())
                    .set(Columns.TRAIN_ATTACK, a == null ? "" : a.trainAttack())
                    .set(Columns.ITERATIONS, a == null ? 0 : a.iterations())
                    .set(Columns.TRAIN_GAP, a == null ? 0.0 : a.trainGap())
                    .set(Columns.DELTA0, a == null ? Double.NaN : a.delta0())
                    .set(Columns.DELTA_BAR, a == null ? Double.NaN : a.deltaBar());
        }
        if (withFlow) {
            b.set(Columns.TIME, flow == null ? Double.NaN : flow.time())
                    .set(Columns.STEPS, flow == null ? (Object) 0L : flow.steps() < 0 ? "inf" : (Object) flow.steps())
                    .set(Columns.ETA, flow == null ? Double.NaN : flow.eta())
                    .set(Columns.LAMBDA_EQUIV, flow == null ? Double.NaN : 1 / flow.time());
        }
        b.set(Columns.ATTACK, attack).set(Columns.ALPHA, alpha)
                .set(Columns.TRAIN_MSE, trainMse).set(Columns.TEST_MSE, testMse).set(Columns.ADV_TEST_MSE, advTestMse)
                .set(Columns.ADV_TEST_MSE_SE, advTestMseSe).set(Columns.CERTIFIED, certified)
                .set(Columns.NORM_DUAL, normDual).set(Columns.N_TRAIN, nTrain).set(Columns.N_TEST, nTest)
                .set(Columns.P, p);
        if (withAlphaEff) {
            b.set(Columns.ALPHA_EFF, alphaEff);
        }
        if (withFirstOrder) {
            b.set(Columns.ADV_TEST_MSE_FIRST_ORDER, advFirstOrder);
        }
        Row row = b.build();
        if (extra == null || extra.isEmpty()) {
            return row;
        }
        RowType more = RowType.builder("estimators:" + String.join(",", extra.keySet().stream().map(Column::name).toList()))
                .optional(extra.keySet().toArray(new Column[0])).build();
        Row.Builder e = row.type().then(more).row().putAll(row);
        extra.forEach(e::put);
        return e.build();
    }
}
