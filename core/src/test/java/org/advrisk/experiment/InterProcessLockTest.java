package org.advrisk.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run-directory lock holds between processes: child JVMs ({@link LockHolder}) and this one
 * contend for the same directory. Before the lock moved to its own never-reopened file, reading
 * results.jsonl through a second handle released it, and a second process was let in.
 */
class InterProcessLockTest {
    @TempDir
    Path tmp;

    private static final RunEnvironment ENV = new RunEnvironment("test", "java", "blas", "host", "os", 1);

    private static Process child(Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), dir.toString());
        pb.redirectErrorStream(true);
        return pb.start();
    }

    private static String firstLine(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        return line == null ? "" : line;
    }

    private static void stop(Process p) throws Exception {
        if (p.isAlive()) {
            p.getOutputStream().close();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aSecondProcessIsRefusedWithTheHoldersPidAndFreedWhenItEnds() throws Exception {
        Path dir = tmp.resolve("run");
        Spec s = Specs.small(List.of(10), 1, List.of(0.0));
        Process holder = child(dir);
        try {
            assertThat(firstLine(holder)).isEqualTo("locked");
            assertThatThrownBy(() -> ResultStore.open(dir, s, ENV, "test", 1, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("out: " + dir + " is in use by pid " + holder.pid() + " on ")
                    .hasMessageEndingWith("; wait for it to finish (or stop it) or choose another --out");
            assertThat(ResultStore.status(dir)).isEqualTo("running");
        } finally {
            stop(holder);
        }
        // The holder is gone: this process may now resume the directory, and a child is refused by us.
        try (ResultStore st = ResultStore.open(dir, s, ENV, "test", 1, 1)) {
            Process second = child(dir);
            try {
                assertThat(firstLine(second)).startsWith("refused: out: " + dir + " is in use by pid "
                        + ProcessHandle.current().pid() + " on ");
            } finally {
                stop(second);
            }
        }
    }

    @Test
    void twoProcessesStartingTogetherOnANewDirectory() throws Exception {
        for (int round = 0; round < 3; round++) {
            Path dir = tmp.resolve("new-" + round);
            List<Process> ps = new ArrayList<>();
            try {
                ps.add(child(dir));
                ps.add(child(dir));
                String a = firstLine(ps.get(0));
                String b = firstLine(ps.get(1));
                List<String> both = List.of(a, b);
                assertThat(both).as("round " + round).containsOnlyOnce("locked");
                String refusal = a.equals("locked") ? b : a;
                assertThat(refusal).startsWith("refused: out: " + dir + " is in use by ")
                        .doesNotContain("holds no advrisk run");
            } finally {
                for (Process p : ps) {
                    stop(p);
                }
            }
        }
    }
}
