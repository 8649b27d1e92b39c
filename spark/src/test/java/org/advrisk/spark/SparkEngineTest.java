package org.advrisk.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.advrisk.experiment.Engine;
import org.advrisk.experiment.ResultStore;
import org.advrisk.experiment.Runner;
import org.advrisk.experiment.Spec;
import org.advrisk.linear.GramSampler;
import org.advrisk.linear.GramStats;
import org.advrisk.model.LinearProblem;
import org.advrisk.model.LinearProblemSpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spark local[1] and local[2] against the local paths: every row and the raw bits of every double
 * of a linear and an NTK sweep, the bytes of results.jsonl, and the raw bits of a chunked Gram sum.
 * No tolerance anywhere: the engine must perform the same floating-point operations in the same order.
 */
class SparkEngineTest {
    @TempDir
    Path tmp;

    private static SparkEngine start(String master) {
        return SparkEngine.start(new Engine.Options(master, Map.of(), null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local[1]", "local[2]"})
    void sweepsAndGramSumsHaveTheBitsOfTheLocalRun(String master) throws Exception {
        Spec linear = Fixtures.spec(Fixtures.LINEAR);
        Spec ntk = Fixtures.spec(Fixtures.NTK);
        Fixtures.runLocally(linear, tmp.resolve("linear-local"), 2);
        Fixtures.runLocally(ntk, tmp.resolve("ntk-local"), 2);
        LinearProblemSpec ps = new LinearProblemSpec(40, "powerlaw:a=1,b=0", 70_000, "top:k=2,norm=1", 0.5,
                "gaussian", "gaussian", 9);
        LinearProblem problem = ps.problem();
        // 70 000 features at n = 40 are 5 chunks of 4 blocks of 4096: the fold order matters.
        assertThat(GramSampler.chunkCount(40, 70_000)).isEqualTo(5);
        GramStats local = GramSampler.sample(problem, 9, 1, 2);
        try (SparkEngine engine = start(master)) {
            Runner.Outcome o1 = Fixtures.runOnEngine(engine, linear, tmp.resolve("linear-spark"));
            Runner.Outcome o2 = Fixtures.runOnEngine(engine, ntk, tmp.resolve("ntk-spark"));
            assertThat(o1.complete()).isTrue();
            assertThat(o1.ran()).isEqualTo(12);
            assertThat(o2.complete()).isTrue();
            GramStats remote = engine.gram(ps, 1);
            assertThat(remote.k()).isEqualTo(local.k());
            assertThat(remote.m()).isEqualTo(local.m());
            assertThat(remote.b()).isEqualTo(local.b());
            assertThat(remote.xTheta()).isEqualTo(local.xTheta());
            assertThat(remote.y()).isEqualTo(local.y());
        }
        for (String family : new String[] {"linear", "ntk"}) {
            Path a = tmp.resolve(family + "-spark");
            Path b = tmp.resolve(family + "-local");
            Fixtures.assertSameBits(ResultStore.readRows(a), ResultStore.readRows(b));
            assertThat(Files.readAllBytes(a.resolve(ResultStore.RESULTS)))
                    .isEqualTo(Files.readAllBytes(b.resolve(ResultStore.RESULTS)));
            assertThat(Files.readString(a.resolve(ResultStore.CSV))).isEqualTo(Files.readString(b.resolve(ResultStore.CSV)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local[2]"})
    void theLinearCommandOnSparkPrintsWhatItPrintsLocally(String master) {
        String[] common = {"linear", "--spectrum", "powerlaw:a=1,b=1", "--n", "40", "--p", "70000", "--lambda",
            "0,0.01,0.1", "--alpha", "0.1,0.3", "--attack", "l2", "--trials", "2", "--seed", "4", "--format", "json"};
        Fixtures.Cli local = Fixtures.Cli.run(common);
        String[] spark = java.util.Arrays.copyOf(common, common.length + 4);
        spark[common.length] = "--engine";
        spark[common.length + 1] = "spark";
        spark[common.length + 2] = "--master";
        spark[common.length + 3] = master;
        Fixtures.Cli remote = Fixtures.Cli.run(spark);
        assertThat(local.code()).as(local.err()).isZero();
        assertThat(remote.code()).as(remote.err()).isZero();
        assertThat(remote.out()).isEqualTo(local.out()).contains("std_risk");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local[1]"})
    void aBadTrialIsReportedWithItsKeyAndNotRetried(String master) throws Exception {
        // gradient descent with a step beyond 2n/s_max diverges: the trial refuses it (its training set decides).
        Spec bad = Fixtures.spec("""
                name: bad
                n: 30
                p: 30
                spectrum: "geometric:r=0.3"
                lambda: 0
                estimator: [gd]
                eta: 1e6
                steps: [1]
                """);
        try (SparkEngine engine = start(master)) {
            assertThatThrownBy(() -> Fixtures.runOnEngine(engine, bad, tmp.resolve("bad")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("trial spectrum=geometric:r=0.3|");
        }
    }
}
