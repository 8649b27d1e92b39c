package org.advrisk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheTargetWithUtf8TextAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("manifest.json");
        Files.writeString(f, "old content that is longer than the new one");
        AtomicFiles.write(f, "θ̂ = 1\n");
        assertThat(Files.readAllBytes(f)).isEqualTo("θ̂ = 1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(names()).containsExactly("manifest.json");
    }

    @Test
    void aBodyWritesThroughAWriter() throws IOException {
        Path f = dir.resolve("results.csv");
        AtomicFiles.write(f, w -> {
            for (int i = 0; i < 3000; i++) {
                w.write(i + ",α\n");
            }
        });
        assertThat(Files.readAllLines(f)).hasSize(3000).startsWith("0,α").endsWith("2999,α");
    }

    @Test
    void aLeftoverTemporaryLinkIsRemovedNotWrittenThrough() throws IOException {
        Path victim = dir.resolve("victim.txt");
        Files.writeString(victim, "keep me");
        Path f = dir.resolve("model.json");
        Files.createSymbolicLink(AtomicFiles.temporary(f), victim);
        AtomicFiles.write(f, "{}\n");
        assertThat(Files.readString(victim)).isEqualTo("keep me");
        assertThat(Files.readString(f)).isEqualTo("{}\n");
        assertThat(Files.isSymbolicLink(f)).isFalse();
    }

    @Test
    void aFailedCheckKeepsTheTargetAndRemovesTheTemporaryFile() throws IOException {
        Path f = dir.resolve("report.html");
        Files.writeString(f, "before");
        assertThatThrownBy(() -> AtomicFiles.write(f, "after", () -> {
            throw new IllegalArgumentException("target changed");
        })).hasMessage("target changed");
        assertThat(Files.readString(f)).isEqualTo("before");
        assertThat(names()).containsExactly("report.html");
    }

    @Test
    void aFailingBodyKeepsTheTarget() throws IOException {
        Path f = dir.resolve("summary.csv");
        Files.writeString(f, "a,b\n");
        assertThatThrownBy(() -> AtomicFiles.write(f, w -> {
            w.write("half");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(f)).isEqualTo("a,b\n");
        assertThat(names()).containsExactly("summary.csv");
    }

    private java.util.List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("victim.txt")).sorted().toList();
        }
    }
}
