package org.advrisk.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.advrisk.experiment.Engine;
import org.advrisk.experiment.ResultStore;
import org.advrisk.experiment.Runner;
import org.advrisk.experiment.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec with {@code estimator: [ridge, gf, gd]} and {@code time: [.., inf]} goes through Spark: the spec
 * survives its JSON round trip to the executors (inf as text) and the rows have the bits of the local run.
 */
class SparkFlowTest {
    @TempDir
    Path tmp;

    static final String FLOW = """
            name: spark-flow
            seed: 5
            trials: 2
            n: [30, 40]
            p: "4*n"
            spectrum: "twolevel:spikes=3,spike=1,tail=0.1"
            theta: "top:k=3,norm=1"
            lambda: [0, 0.01]
            alpha: [0.1]
            attack: [l2, linf]
            estimator: [ridge, gf, gd]
            time: [0.5, 10, inf]
            eta: 0.2
            steps: [5, 50]
            """;

    @Test
    void gradientFlowSpecRunsOnSparkWithTheLocalBits() throws Exception {
        Spec spec = Fixtures.spec(FLOW);
        assertThat(SweepFunction.readSpec(spec.toTree().toString())).isEqualTo(spec);
        Fixtures.runLocally(spec, tmp.resolve("local"), 2);
        try (SparkEngine engine = SparkEngine.start(new Engine.Options("local[2]", Map.of(), null, null))) {
            Runner.Outcome o = Fixtures.runOnEngine(engine, spec, tmp.resolve("spark"));
            assertThat(o.complete()).isTrue();
            assertThat(o.ran()).isEqualTo(4);
        }
        var spark = ResultStore.readRows(tmp.resolve("spark"));
        Fixtures.assertSameBits(spark, ResultStore.readRows(tmp.resolve("local")));
        assertThat(spark.stream().filter(r -> "gf".equals(r.get("estimator")))).hasSize(2 * 2 * 3 * 2);
        assertThat(Files.readString(tmp.resolve("spark").resolve(ResultStore.CSV)))
                .isEqualTo(Files.readString(tmp.resolve("local").resolve(ResultStore.CSV)));
    }
}
