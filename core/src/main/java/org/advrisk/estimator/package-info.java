/**
 * The estimator registry: every estimator the front doors offer ({@code advrisk linear --estimator},
 * spec files' {@code estimator:}, {@code advrisk audit --estimator}) is an {@link org.advrisk.estimator.EstimatorKind}
 * found through {@link org.advrisk.estimator.Estimators} (built-ins ridge, gf, gd, advtrain; more through
 * {@link java.util.ServiceLoader}). A spectral estimator is one {@link org.advrisk.linear.SpectralFamily}:
 * the synthetic dual and primal paths and the audit's table path read it from their one eigendecomposition.
 * The registry of attack norms is {@link org.advrisk.model.AttackNorms}.
 */
package org.advrisk.estimator;
