package org.advrisk.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.advrisk.experiment.Engine;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/**
 * Issue 25's Spark probes: a bad master or setting is one line (IllegalArgumentException, exit 2 in
 * the CLI), an unreachable master is refused within the stated timeout, local[N] is capped, and an
 * enabled web UI never listens beyond loopback for a local master. Only the last two tests start
 * (and fail to start) a Spark context.
 */
class SparkGuardTest {

    @Test
    void masterUrlsSparkCannotParseAreRefusedWithTheAllowedForms() {
        for (String bad : new String[] {"nonsense", "local[", "local[x]", "spark://", "spark://host", "spark://h:99999",
            "mesos:/x", "k8s://"}) {
            assertThatThrownBy(() -> SparkGuard.checkMaster(bad, 2)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("master: ")
                    .hasMessageNotContaining("\n");
        }
        for (String ok : new String[] {"local", "local[1]", "local[*]", "local[8]", "local[2,3]", "local[*,2]",
            "spark://head:7077", "spark://a:7077,b:7077", "yarn", "k8s://https://api:6443", "local-cluster[2,1,1024]"}) {
            assertThatCode(() -> SparkGuard.checkMaster(ok, 2)).as(ok).doesNotThrowAnyException();
        }
    }

    @Test
    void localThreadsAreCappedAtFourPerCoreAndTheRuleIsSaid() {
        assertThatThrownBy(() -> SparkGuard.checkMaster("local[100000]", 2))
                .hasMessage("master: local[100000] asks for 100000 threads N; allowed: 1 to 8 (4 per core, 2 cores here;"
                        + " local[*] uses every core)");
        assertThatThrownBy(() -> SparkGuard.checkMaster("local[9]", 2)).hasMessageContaining("allowed: 1 to 8");
        assertThatThrownBy(() -> SparkGuard.checkMaster("local[0]", 2)).hasMessageContaining("allowed: 1 to 8");
        assertThatThrownBy(() -> SparkGuard.checkMaster("local[99999999999999999999]", 2))
                .hasMessageContaining("allowed: 1 to 8");
        assertThatCode(() -> SparkGuard.checkMaster("local[64]", 16)).doesNotThrowAnyException();
        // through the engine's settings, with this machine's core count
        int cap = SparkGuard.THREADS_PER_CORE * Runtime.getRuntime().availableProcessors();
        assertThatThrownBy(() -> SparkEngine.conf(new Engine.Options("local[" + (cap + 1) + "]", Map.of(), null, null)))
                .hasMessageContaining("allowed: 1 to " + cap);
    }

    @Test
    void anEnabledUiNeedsSparkLocalIpOnLoopbackForLocalMasters() {
        SparkConf ui = new SparkConf(false).set("spark.ui.enabled", "true");
        assertThatThrownBy(() -> SparkGuard.checkUi(ui, "local[2]", null))
                .hasMessageStartingWith("conf: spark.ui.enabled=true with master local[2] would open Spark's web UI on"
                        + " every network interface");
        assertThatThrownBy(() -> SparkGuard.checkUi(ui, "local[2]", "0.0.0.0")).hasMessageStartingWith("conf: ");
        assertThatCode(() -> SparkGuard.checkUi(ui, "local[2]", "127.0.0.1")).doesNotThrowAnyException();
        assertThatCode(() -> SparkGuard.checkUi(new SparkConf(false), "local[2]", null)).doesNotThrowAnyException();
        assertThatCode(() -> SparkGuard.checkUi(ui, "spark://head:7077", null)).doesNotThrowAnyException();
    }

    @Test
    void anUnreachableMasterIsOneLineWithinTheTimeout() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        String master = "spark://127.0.0.1:" + port;
        // before: Spark retried registration for over a minute and printed hundreds of lines
        IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(SparkGuard.CONNECT_TIMEOUT_MILLIS / 1000 + 20),
                () -> {
                    try {
                        SparkEngine.start(new Engine.Options(master, Map.of(), null, null)).close();
                        return null;
                    } catch (IllegalArgumentException x) {
                        return x;
                    }
                });
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("master: " + master + " is unreachable (").doesNotContain("\n");
    }

    @Test
    void aSettingSparkRejectsIsOneLineAndQuietSilencesSparkWarnings() {
        Engine.Options bad = new Engine.Options("local[1]", Map.of("spark.driver.port", "abc"), null, null);
        assertThatThrownBy(() -> SparkEngine.start(bad).close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("engine: Spark did not start with master local[1] and the --conf settings given: ")
                .hasMessageContaining("abc")
                .hasMessageNotContaining("\n");
        // progress == null is --quiet: Spark's warnings are off, its errors stay
        assertThat(LogManager.getRootLogger().getLevel()).isEqualTo(Level.ERROR);
    }

    @Test
    void aStartThatHangsOrFailsIsOneLineWithinTheStatedTime() {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        // a master that answers TCP but never accepts the application: Spark retried for over a minute
        IllegalArgumentException late = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try {
                SparkStartup.start(() -> {
                    never.await();
                    return "never";
                }, "spark://x:7077", 300);
                return null;
            } catch (IllegalArgumentException x) {
                return x;
            }
        });
        assertThat(late).hasMessage("master: spark://x:7077 did not accept the application within 1 s; check that the"
                + " URL names a running Spark master");
        never.countDown();
        assertThatThrownBy(() -> SparkStartup.start(() -> {
            throw new IllegalStateException("outer", new NumberFormatException("For input string: \"abc\"\nsecond line"));
        }, "local[1]", 0)).hasMessage("engine: Spark did not start with master local[1] and the --conf settings given:"
                + " For input string: \"abc\"");
        assertThat(SparkStartup.start(() -> "ok", "local[1]", 0)).isEqualTo("ok");
    }
}
