/** Reproducible random streams keyed by (seed, trial, purpose, block): same key, same numbers, any thread. */
package org.advrisk.random;
