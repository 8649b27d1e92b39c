package org.advrisk.experiment;

import java.nio.file.Path;
import java.util.List;

/**
 * A child JVM for {@link InterProcessLockTest}: opens a run directory, prints {@code locked} (or the
 * refusal, prefixed {@code refused: }) and holds the store until its stdin closes.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Spec s = Specs.small(List.of(10), 1, List.of(0.0));
        RunEnvironment env = new RunEnvironment("test", "java", "blas", "host", "os", 1);
        try (ResultStore st = ResultStore.open(Path.of(args[0]), s, env, "test", 1, 1)) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes our stdin (or kills us)
            }
        } catch (IllegalArgumentException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }
}
