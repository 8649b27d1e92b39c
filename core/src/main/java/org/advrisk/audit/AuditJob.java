package org.advrisk.audit;

import java.util.List;
import org.advrisk.data.ColumnSpec;
import org.advrisk.data.CsvSource;
import org.advrisk.data.MissingPolicy;
import org.advrisk.model.AttackNorm;
import org.advrisk.linear.FlowQuery;

/**
 * The typed request of one audit, as a front door translates it (the {@code audit} command's flags): the
 * table and its columns, how to split it, the λ/attack/α grid, scaling, budgets, the estimators beside ridge,
 * the feature map or the external model to audit, and PGD. {@link AuditRunner} plans and runs it.
 *
 * @param source         the table
 * @param columns        target, feature and dropped columns
 * @param missing        what to do with rows with missing cells
 * @param splits         how the rows are split (ignored with an external model)
 * @param lambdas        ridge λ values
 * @param attacks        attack norms
 * @param alphas         budgets α
 * @param alphaScale     raw α or in units of the mean training norm
 * @param budget         per-feature budget weights, a CSV file (null: all 1)
 * @param standardize    z-score the features with training statistics
 * @param dropConstant   drop constant training columns instead of refusing them
 * @param advTrainDeltas adversarial training's δ values (null: no adversarial training)
 * @param trainAttack    adversarial training's attack (with advTrainDeltas)
 * @param flow           gradient flow / descent beside ridge
 * @param map            the feature map of the standardised inputs ("none": the linear model)
 * @param external       an external linear model to audit without refitting (or null)
 * @param externalMapped an external mapped model to audit without refitting (or null)
 * @param pgd            PGD settings (with a map)
 * @param saveModel      a refitted model will be saved (its size is checked with the cost)
 */
public record AuditJob(CsvSource source, ColumnSpec columns, MissingPolicy missing, SplitPlan splits, double[] lambdas,
                       List<AttackNorm> attacks, double[] alphas, AlphaScale alphaScale, java.nio.file.Path budget,
                       boolean standardize, boolean dropConstant, double[] advTrainDeltas, AttackNorm trainAttack,
                       FlowQuery flow, String map, LinearModel external, MappedModel externalMapped,
                       MappedAudit.PgdSettings pgd, boolean saveModel,
                       List<org.advrisk.estimator.SpectralSelection> plugins, double attackScale) {
    public AuditJob {
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
    }

    /** A job without the registry's plug-in estimators. */
    public AuditJob(CsvSource source, ColumnSpec columns, MissingPolicy missing, SplitPlan splits, double[] lambdas,
                    List<AttackNorm> attacks, double[] alphas, AlphaScale alphaScale, java.nio.file.Path budget,
                    boolean standardize, boolean dropConstant, double[] advTrainDeltas, AttackNorm trainAttack,
                    FlowQuery flow, String map, LinearModel external, MappedModel externalMapped,
                    MappedAudit.PgdSettings pgd, boolean saveModel) {
        this(source, columns, missing, splits, lambdas, attacks, alphas, alphaScale, budget, standardize, dropConstant,
                advTrainDeltas, trainAttack, flow, map, external, externalMapped, pgd, saveModel, List.of(), 0);
    }

    /**
     * How the table's rows are split into training and test rows: a separate test table, K folds, or random
     * splits of a test fraction.
     *
     * @param testFile     a separate test table with the same columns (or null)
     * @param testFraction test part of each random split (null: 0.25)
     * @param cv           folds of cross-validation (or null)
     * @param repeats      random splits
     * @param seed         seed of the random splits
     */
    public record SplitPlan(java.nio.file.Path testFile, Double testFraction, Integer cv, int repeats, long seed) {
    }

    /** True when the inputs go through a feature map. */
    public boolean mapped() {
        return !map.trim().equalsIgnoreCase("none");
    }

    /** True when a given model is audited without fitting. */
    public boolean externalModel() {
        return external != null || externalMapped != null;
    }
}
