package org.advrisk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import org.advrisk.experiment.Faults;

/** One-line descriptions of conditions the user can fix that arrive as exceptions (disk full, permissions). */
final class Problems {
    private Problems() {
    }

    /** A one-line message for a file-system fault, or null when {@code ex} is not one. */
    static String fileSystem(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (t instanceof Faults.Fault f) {
            return f.getMessage();
        }
        if (t instanceof FileSystemException fs) {
            String path = fs.getFile() == null ? "" : fs.getFile() + ": ";
            return path + Faults.reason(fs) + "; check the path, its permissions and the free space";
        }
        if (t instanceof IOException io) {
            return Faults.reason(io) + "; check the paths given, their permissions and the free space";
        }
        return null;
    }

    /** The JVM's max heap, for messages. */
    static String heap() {
        return "max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB";
    }
}
