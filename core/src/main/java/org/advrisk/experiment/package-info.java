/**
 * Declarative experiments: a {@link org.advrisk.experiment.Spec} (validated, immutable) is expanded
 * by {@link org.advrisk.experiment.Sweep} into {@link org.advrisk.experiment.Trial}s, which a
 * {@link org.advrisk.experiment.Runner} evaluates on a thread pool and a
 * {@link org.advrisk.experiment.ResultStore} appends to disk (a rerun resumes).
 * {@link org.advrisk.experiment.Aggregation} summarises rows across trials.
 */
package org.advrisk.experiment;
