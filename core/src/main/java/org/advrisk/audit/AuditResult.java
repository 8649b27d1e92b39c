package org.advrisk.audit;

import java.util.List;

/**
 * Everything an audit produced.
 *
 * @param rows          one per (split, estimator, λ, attack, α)
 * @param summaries     one per (attack, α)
 * @param lambdas       the λ grid (ascending)
 * @param featureNames  the source's features
 * @param meanTheta     mean over splits of θ̂ in the attack's units, p×L column-major (feature j, λ l)
 * @param notes         remarks for the user (dropped constant columns, path used)
 */
public record AuditResult(List<AuditRow> rows, List<AuditSummary> summaries, double[] lambdas,
                          List<String> featureNames, double[] meanTheta, List<String> notes) {
}
