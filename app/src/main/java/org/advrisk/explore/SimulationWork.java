package org.advrisk.explore;

import java.util.List;
import java.util.Map;

/**
 * What one background simulation computes, training set by training set: the linear ridge path
 * ({@link LinearSimulation}, {@code POST /api/simulate}) or the NTK kernel ridge path
 * ({@link NtkSimulation}, {@code POST /api/simulate-ntk}). {@link SimulationJob} runs either with the
 * same queue, cancellation, deadline and polling.
 *
 * @param <T> the result of one training set
 */
interface SimulationWork<T> {
    /** Training sets to run. */
    int trials();

    /** Priced cost of the whole simulation (flops), checked against the limits before it starts. */
    double flops();

    /** The result of training set {@code t} (streams (seed, t), one thread). */
    T trial(int t);

    /** Fields of the job's status besides progress (e.g. the kind of simulation). */
    Map<String, Object> describe();

    /** Means, standard errors and rows over the finished training sets. */
    Map<String, Object> summary(List<T> done);
}
