/**
 * Uncertainty for verdicts: a seeded bootstrap over training sets ({@link org.advrisk.stats.Bootstrap},
 * trials resampled within each sample size), the log-log slope over n ({@link org.advrisk.stats.LogLogSlope}),
 * the regret ratios A and S ({@link org.advrisk.stats.Regret}), and three-way decisions against a
 * threshold ({@link org.advrisk.stats.Criterion}, {@link org.advrisk.stats.Decision}). Depends on nothing
 * but the JDK and commons-math.
 */
package org.advrisk.stats;
