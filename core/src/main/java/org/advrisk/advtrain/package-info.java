/**
 * Adversarial training of a linear model, min_θ (1/n) Σ (|yᵢ − ⟨xᵢ, θ⟩| + δ‖θ‖_q)²: the path solver
 * ({@code AdversarialTraining}: closed forms, active-set and reweighted-ridge steps, KKT certificates),
 * the estimator over a synthetic training set ({@code AdvTrainEstimator}) and its rows ({@code AdvTrainTrial}).
 */
package org.advrisk.advtrain;
