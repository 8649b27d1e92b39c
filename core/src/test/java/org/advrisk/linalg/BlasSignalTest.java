package org.advrisk.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) and SIGTERM while two threads are inside long dgemm calls, in a child JVM: the
 * child must end with 130 / 143, print no crash banner and leave no {@code hs_err_pid*.log}. Before
 * the shutdown gate, OpenBLAS's library destructor unmapped its buffers under the running calls.
 * Bounded: four signals, each child given at most two minutes.
 */
class BlasSignalTest {
    private static final int ROUNDS = 4;

    /** The child: two threads multiplying 1200×1200 matrices until the process is stopped. */
    public static final class Child {
        public static void main(String[] args) throws InterruptedException {
            int n = 1200;
            for (int t = 0; t < 2; t++) {
                Thread worker = new Thread(() -> {
                    double[] a = new double[n * n];
                    double[] b = new double[n * n];
                    double[] c = new double[n * n];
                    java.util.Arrays.fill(a, 1e-3);
                    java.util.Arrays.fill(b, 2e-3);
                    while (true) {
                        Blas.gemm(false, false, n, n, n, 1.0, a, b, 0.0, c);
                    }
                }, "gemm-" + t);
                worker.start();
            }
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    void signalsDuringGemmEndTheProcessCleanly(@TempDir Path dir) throws Exception {
        List<String> skipped = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            boolean interrupt = round % 2 == 0;
            Path work = Files.createDirectory(dir.resolve("round-" + round));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    Child.class.getName()).directory(work.toFile()).redirectErrorStream(true).start();
            try {
                CompletableFuture<Void> ready = new CompletableFuture<>();
                CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(child, ready));
                ready.get(60, TimeUnit.SECONDS);
                assertThat(child.isAlive()).as("round %d: the child died before the signal", round).isTrue();
                // let the workers get deep into their calls; vary the moment between rounds
                Thread.sleep(700 + 400L * round);
                if (interrupt && sigintIgnored(child.pid())) {
                    skipped.add("round " + round + ": SIGINT is ignored by inheritance (background job); sent SIGTERM");
                    interrupt = false;
                }
                if (interrupt) {
                    new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
                } else {
                    child.toHandle().destroy(); // SIGTERM
                }
                if (!child.waitFor(120, TimeUnit.SECONDS)) {
                    fail("round " + round + ": the child did not end within 120 s of the signal");
                }
                String text = output.get(30, TimeUnit.SECONDS);
                int expected = interrupt ? 130 : 143;
                assertThat(child.exitValue()).as("round %d exit code; output:%n%s", round, text).isEqualTo(expected);
                assertThat(text).as("round %d output", round)
                        .doesNotContain("SIGSEGV").doesNotContain("A fatal error has been detected");
                try (Stream<Path> files = Files.list(work)) {
                    assertThat(files.map(p -> p.getFileName().toString()))
                            .as("round %d crash logs", round).noneMatch(name -> name.startsWith("hs_err"));
                }
            } finally {
                child.destroyForcibly();
            }
        }
        skipped.forEach(System.err::println);
    }

    /** Collects the child's output; completes {@code ready} at its "ready" line. */
    private static String readAll(Process child, CompletableFuture<Void> ready) {
        StringBuilder text = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                text.append(line).append('\n');
                if (line.equals("ready")) {
                    ready.complete(null);
                }
            }
        } catch (IOException e) {
            text.append("(read failed: ").append(e).append(")\n");
        }
        ready.complete(null);
        return text.toString();
    }

    /** True when the child inherited SIGINT as ignored (then the JVM cannot handle it). */
    private static boolean sigintIgnored(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseLong(line.substring(7).trim(), 16);
                return (mask & 0x2L) != 0;
            }
        }
        return false;
    }
}
