package org.advrisk.random;

/**
 * What a random stream is used for. Part of every stream key, so that (for example) the noise of a
 * training set never shares numbers with its design matrix. Append new values at the end only:
 * the ordinal enters the key, and reordering would change every published result.
 */
public enum Purpose {
    /** Training design z (feature blocks). */
    DESIGN,
    /** Training label noise. */
    NOISE,
    /** Test design for Monte Carlo risk estimates. */
    TEST_DESIGN,
    /** Test label noise. */
    TEST_NOISE,
    /** A random ground truth θ*. */
    THETA,
    /** Network initialisation (NTK part). */
    NETWORK_INIT,
    /** Random restarts and perturbations of attacks. */
    ATTACK,
    /** Anything sampled by the exact Wishart tail of a spectrum. */
    WISHART
}
