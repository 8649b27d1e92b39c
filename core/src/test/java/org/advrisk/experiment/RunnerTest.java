package org.advrisk.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {
    @TempDir
    Path tmp;

    private static final RunEnvironment ENV = new RunEnvironment("test", "java", "blas", "host", "os", 2);

    private Runner.Outcome run(Path dir, Spec s, TrialEvaluator ev, int threads) throws Exception {
        List<Trial> ts = Sweep.trials(s);
        try (ResultStore st = ResultStore.open(dir, s, ENV, "test", threads, ts.size())) {
            Runner.Outcome o = new Runner(ev, st, threads, null).run(ts);
            st.finish(ts, o.complete() ? "complete" : "interrupted");
            return o;
        }
    }

    @Test
    void oneAndTwoThreadsWriteIdenticalFiles() throws Exception {
        Spec s = Specs.small(List.of(10, 20, 40, 80), 5, List.of(0.0));
        Runner.Outcome one = run(tmp.resolve("one"), s, new FakeEvaluator(null), 1);
        Runner.Outcome two = run(tmp.resolve("two"), s, new FakeEvaluator(null), 2);
        assertThat(one).isEqualTo(new Runner.Outcome(20, 0, 20, false));
        assertThat(two).isEqualTo(one);
        for (String f : List.of(ResultStore.RESULTS, ResultStore.CSV)) {
            assertThat(Files.readString(tmp.resolve("two").resolve(f))).isEqualTo(Files.readString(tmp.resolve("one").resolve(f)));
        }
        assertThat(Files.readAllLines(tmp.resolve("one").resolve(ResultStore.RESULTS))).hasSize(40);
    }

    @Test
    void aGivenExecutorGivesTheSameFilesAsTheLocalPool() throws Exception {
        Spec s = Specs.small(List.of(10, 20, 40), 2, List.of(0.0));
        run(tmp.resolve("local"), s, new FakeEvaluator(null), 2);
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<Trial> ts = Sweep.trials(s);
            try (ResultStore st = ResultStore.open(tmp.resolve("given"), s, ENV, "test", 3, ts.size())) {
                new Runner(new FakeEvaluator(null), st, 3, null, other).run(ts);
                st.finish(ts, "complete");
            }
        } finally {
            other.shutdownNow();
        }
        assertThat(Files.readString(tmp.resolve("given").resolve(ResultStore.CSV)))
                .isEqualTo(Files.readString(tmp.resolve("local").resolve(ResultStore.CSV)));
    }

    @Test
    void aRerunSkipsFinishedTrials() throws Exception {
        Spec s = Specs.small(List.of(10, 20), 3, List.of(0.0));
        run(tmp.resolve("r"), s, new FakeEvaluator(null), 2);
        FakeEvaluator again = new FakeEvaluator(null);
        assertThat(run(tmp.resolve("r"), s, again, 2)).isEqualTo(new Runner.Outcome(6, 6, 0, false));
        assertThat(again.calls.get()).isZero();
    }

    @Test
    void aFailingTrialStopsTheRunWithItsKeyAndKeepsTheOthers() throws Exception {
        Spec s = Specs.small(List.of(10, 20), 1, List.of(0.0));
        assertThatThrownBy(() -> run(tmp.resolve("f"), s, new FakeEvaluator("n=20"), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trial spectrum=twolevel:spikes=3,spike=1,tail=1|theta=top:k=3,norm=1|p=4*n|sigma=0.5"
                        + "|design=gaussian|noise=gaussian|n=20|trial=0: lambda: 0 needs a full-rank Gram matrix");
        assertThat(ResultStore.readRows(tmp.resolve("f"))).hasSize(2);
    }
}
