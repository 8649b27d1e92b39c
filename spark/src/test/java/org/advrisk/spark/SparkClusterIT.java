package org.advrisk.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on 127.0.0.1 (master and two workers started from the dependency
 * jars by spark/cluster/check.sh, which stops them by PID on exit): a spark-submitted sweep and a
 * huge-p Gram job through the wrapper give byte-identical outputs to the local runs. Runs after
 * {@code package} (Failsafe), when the application jar exists.
 */
class SparkClusterIT {
    @TempDir
    Path tmp;

    @Test
    void aStandaloneClusterGivesTheLocalBytes() throws Exception {
        Path script = Path.of("cluster", "check.sh").toAbsolutePath();
        Path log = tmp.resolve("cluster.log");
        Process p = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(15, TimeUnit.MINUTES);
        if (!ended) {
            p.destroy(); // SIGTERM: the script's trap stops the master, workers and executors it started
            p.waitFor(60, TimeUnit.SECONDS);
        }
        String out = Files.readString(log);
        assertThat(ended).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("results.jsonl identical to the local run").contains("rows identical to the local run")
                .contains("cluster: OK");
    }
}
