/**
 * Attacks on predictors with an input gradient: projected gradient ascent on the squared error over
 * l2 and linf balls ({@link org.advrisk.attack.Pgd}) and the closed-form worst perturbation of a
 * linear model ({@link org.advrisk.attack.LinearWorstCase}). Depends only on {@code org.advrisk.random}
 * (restarts are keyed random streams) and {@code org.advrisk.linalg} is not needed.
 */
package org.advrisk.attack;
