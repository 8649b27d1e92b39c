package org.advrisk.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file atomically: the content goes to the sibling {@code NAME.tmp} (a leftover temporary file,
 * or a link planted there, is removed first, never written through), is forced to disk, and the temporary
 * file is moved over the target ({@code ATOMIC_MOVE}, a plain replacing move where the file system has no
 * atomic one). A reader sees the old file or the new one, never half of it; on any failure the temporary
 * file is removed and the target is left as it was. Text is UTF-8.
 */
public final class AtomicFiles {
    /** Writes the content into an open writer (the temporary file). */
    @FunctionalInterface
    public interface Body {
        /** Writes the content. */
        void write(Writer out) throws IOException;
    }

    /** A check run after the content is on disk and before it replaces the target; throwing keeps the target. */
    @FunctionalInterface
    public interface Check {
        /** Throws to abandon the write. */
        void run() throws IOException;
    }

    private AtomicFiles() {
    }

    /** Replaces {@code target} by {@code text}. */
    public static void write(Path target, String text) throws IOException {
        write(target, w -> w.write(text), () -> { });
    }

    /** Replaces {@code target} by {@code text}, running {@code beforeMove} between writing and moving. */
    public static void write(Path target, String text, Check beforeMove) throws IOException {
        write(target, w -> w.write(text), beforeMove);
    }

    /** Replaces {@code target} by what {@code body} writes (for content too large to hold as one string). */
    public static void write(Path target, Body body) throws IOException {
        write(target, body, () -> { });
    }

    /** The temporary file of {@code target}: {@code NAME.tmp} in the same directory. */
    public static Path temporary(Path target) {
        return target.resolveSibling(target.getFileName() + ".tmp");
    }

    private static void write(Path target, Body body, Check beforeMove) throws IOException {
        Path tmp = temporary(target);
        boolean moved = false;
        try {
            Files.deleteIfExists(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                Writer w = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8));
                body.write(w);
                w.flush();
                ch.force(true);
            }
            beforeMove.run();
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
