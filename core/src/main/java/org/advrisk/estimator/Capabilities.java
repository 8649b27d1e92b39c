package org.advrisk.estimator;

/**
 * What an estimator can do, for the doors that offer it.
 *
 * @param spectral               a filter of the one eigendecomposition of XXᵀ or XᵀX (shares the ridge path's fit)
 * @param needsTheta             it needs θ̂ itself (the design in memory), not only n×n statistics
 * @param deterministicEquivalent {@code advrisk theory}/{@code --theory} has a deterministic equivalent for it
 * @param tables                 {@code advrisk audit} runs it on a user's table
 * @param kernels                it runs on a kernel matrix ({@code advrisk ntk --width inf})
 */
public record Capabilities(boolean spectral, boolean needsTheta, boolean deterministicEquivalent, boolean tables,
                           boolean kernels) {
    /** A spectral filter: no θ̂ needed, runs on tables, no deterministic equivalent, no kernels. */
    public static final Capabilities SPECTRAL = new Capabilities(true, false, false, true, false);
}
