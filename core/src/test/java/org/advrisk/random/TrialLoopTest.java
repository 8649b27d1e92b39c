package org.advrisk.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one trial loop: results reach the sink in trial order for every thread count, each trial gets the
 * inner threads its policy promises, the gate ends the loop where it says, and a trial's error keeps its
 * message.
 */
class TrialLoopTest {
    /** A trial's result: its index, the inner threads it got and a value drawn from its own stream. */
    private record Result(int trial, int inner, double value) {
    }

    private static Result work(int t, int inner) {
        return new Result(t, inner, RandomStreams.stream(7, t, Purpose.NOISE, 0).nextDouble());
    }

    @Test
    void resultsArriveInTrialOrderAndIdenticalForAnyThreadCount() {
        List<Result> one = TrialLoop.map(9, 1, TrialLoop.Inner.ONE, TrialLoopTest::work);
        for (int threads = 2; threads <= 5; threads++) {
            for (TrialLoop.Inner inner : TrialLoop.Inner.values()) {
                List<Integer> order = new ArrayList<>();
                List<Double> values = new ArrayList<>();
                TrialLoop.run(9, threads, inner, TrialLoopTest::work, (t, r) -> {
                    assertThat(r.trial()).isEqualTo(t);
                    order.add(t);
                    values.add(r.value());
                });
                assertThat(order).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
                assertThat(values).containsExactlyElementsOf(one.stream().map(Result::value).toList());
            }
        }
    }

    @Test
    void innerThreadsFollowThePolicy() {
        // ONE: a lone trial or one thread gets all threads; parallel trials one each
        assertThat(TrialLoop.map(1, 4, TrialLoop.Inner.ONE, TrialLoopTest::work).get(0).inner()).isEqualTo(4);
        assertThat(TrialLoop.map(3, 4, TrialLoop.Inner.ONE, TrialLoopTest::work)).extracting(Result::inner)
                .containsOnly(1);
        // SHARE: threads / min(trials, threads)
        assertThat(TrialLoop.map(2, 5, TrialLoop.Inner.SHARE, TrialLoopTest::work)).extracting(Result::inner)
                .containsOnly(2);
        assertThat(TrialLoop.map(8, 3, TrialLoop.Inner.SHARE, TrialLoopTest::work)).extracting(Result::inner)
                .containsOnly(1);
    }

    @Test
    void theGateEndsTheLoopAndKeepsWhatWasDelivered() {
        for (int threads : new int[] {1, 3}) {
            List<Integer> got = new ArrayList<>();
            int delivered = TrialLoop.run(10, threads, TrialLoop.Inner.ONE, TrialLoopTest::work, (t, r) -> got.add(t),
                    t -> t < 4);
            assertThat(delivered).isEqualTo(4);
            assertThat(got).containsExactly(0, 1, 2, 3);
        }
    }

    @Test
    void aTrialsErrorKeepsItsMessage() {
        for (int threads : new int[] {1, 3}) {
            assertThatThrownBy(() -> TrialLoop.map(5, threads, TrialLoop.Inner.ONE, (t, in) -> {
                if (t == 2) {
                    throw new IllegalArgumentException("sigma: -1 must be >= 0");
                }
                return t;
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("sigma: -1 must be >= 0");
            assertThatThrownBy(() -> TrialLoop.map(2, 0, TrialLoop.Inner.ONE, (t, in) -> t))
                    .hasMessage("threads: 0 must be >= 1");
        }
    }

    @Test
    void completionOrderDeliversEveryTrialOnceWithTheSameValues() {
        List<Result> one = TrialLoop.map(9, 1, TrialLoop.Inner.ONE, TrialLoopTest::work);
        for (int threads = 1; threads <= 5; threads++) {
            java.util.Map<Integer, Double> got = new java.util.TreeMap<>();
            List<Integer> inner = new ArrayList<>();
            int delivered = TrialLoop.runAsCompleted(9, threads, TrialLoopTest::work, (t, r) -> {
                assertThat(r.trial()).isEqualTo(t);
                assertThat(got.put(t, r.value())).isNull();
                inner.add(r.inner());
            }, d -> true, null);
            assertThat(delivered).isEqualTo(9);
            assertThat(got.values()).containsExactlyElementsOf(one.stream().map(Result::value).toList());
            assertThat(inner).containsOnly(1); // one thread: one each; several: one each
        }
        // a lone trial gets every thread
        List<Integer> lone = new ArrayList<>();
        TrialLoop.runAsCompleted(1, 4, TrialLoopTest::work, (t, r) -> lone.add(r.inner()), d -> true, null);
        assertThat(lone).containsExactly(4);
    }

    @Test
    void completionOrderRunsOnAGivenExecutorWithoutShuttingItDown() {
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<Integer> got = new ArrayList<>();
            TrialLoop.runAsCompleted(6, 2, TrialLoopTest::work, (t, r) -> got.add(t), d -> true, other);
            assertThat(got).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
            assertThat(other.isShutdown()).isFalse();
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void completionOrderStopsWhenTheGateSaysSoAndRethrowsAFailure() {
        List<Integer> got = new ArrayList<>();
        int delivered = TrialLoop.runAsCompleted(10, 2, TrialLoopTest::work, (t, r) -> got.add(t), d -> d < 3, null);
        assertThat(delivered).isEqualTo(3);
        assertThat(got).hasSize(3).doesNotHaveDuplicates();
        assertThatThrownBy(() -> TrialLoop.runAsCompleted(4, 2, (t, in) -> {
            if (t == 1) {
                throw new IllegalArgumentException("lambda: 0 needs a full-rank Gram matrix");
            }
            return t;
        }, (t, r) -> { }, d -> true, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lambda: 0 needs a full-rank Gram matrix");
        // a failure after the gate closed ends the loop quietly (a stopped run)
        assertThat(TrialLoop.runAsCompleted(1, 2, (t, in) -> {
            throw new IllegalStateException("stopped");
        }, (t, r) -> { }, d -> d < 0, null)).isZero();
    }
}
