package org.advrisk.experiment;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;

/**
 * Turns a file-system fault into a {@link FileSystemException} whose message is one line: the path,
 * what advrisk was doing, the system's reason and what the user can do about it.
 */
public final class Faults {
    private Faults() {
    }

    /** A one-line fault: {@code PATH: DOING: REASON; WHAT TO DO}. Keeps the original as the cause. */
    public static FileSystemException of(IOException e, Path path, String doing, String whatToDo) {
        if (e instanceof Fault f) {
            return f;
        }
        Fault f = new Fault(path + ": " + doing + ": " + reason(e) + "; " + whatToDo);
        f.initCause(e);
        return f;
    }

    /** The system's reason for a fault, without repeating the path. */
    public static String reason(Throwable e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof ReadOnlyFileSystemException) {
            return "read-only file system";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
    }

    /** A fault already described in one line (its message is complete). */
    public static final class Fault extends FileSystemException {
        private static final long serialVersionUID = 1L;

        Fault(String message) {
            super(message);
        }

        @Override
        public String getMessage() {
            return getFile();
        }
    }
}
