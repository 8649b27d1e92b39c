package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit --save-model}: its target checked before any work; links, directories and inputs never replaced (issue 25, HIGH 2). */
class AuditSaveModelTest {
    @TempDir
    Path dir;

    private Path table() throws IOException {
        Path f = dir.resolve("t.csv");
        if (!Files.exists(f)) {
            Files.writeString(f, AuditCommandTest.table(40));
        }
        return f;
    }

    private CliRunner save(Path target, String... more) throws IOException {
        Path out = dir.resolve("out");
        String[] base = {"audit", table().toString(), "--target", "y", "--lambda", "0.1,1", "--out", out.toString(), "--quiet",
            "--save-model", target.toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRunner.run(args);
    }

    private void refusedBeforeWork(CliRunner r, String expected) throws IOException {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(expected).doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("out")).as("nothing written to --out").doesNotExist();
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void theInputTableIsNeverReplaced() throws IOException {
        Path in = table();
        String text = Files.readString(in);
        refusedBeforeWork(save(in, "--overwrite-model"), "is one of this command's inputs");
        assertThat(in).hasContent(text.trim());
    }

    @Test
    void aSymbolicLinkIsNotFollowed() throws IOException {
        Path victim = dir.resolve("victim.txt");
        Files.writeString(victim, "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("model.json"), victim);
        refusedBeforeWork(save(link, "--overwrite-model"), "is a symbolic link");
        assertThat(victim).hasContent("keep me");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aDirectoryOrADeviceIsNotATarget() throws IOException {
        Path d = Files.createDirectories(dir.resolve("models"));
        refusedBeforeWork(save(d, "--overwrite-model"), "is not a regular file");
        // a special file (a FIFO here; /dev/null is one too, which a regressed build run as root would replace)
        Path fifo = dir.resolve("pipe.json");
        try {
            if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
                refusedBeforeWork(save(fifo, "--overwrite-model"), "is not a regular file");
                assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // no mkfifo on this system: the directory case above covers "not a regular file"
        }
    }

    @Test
    void anExistingModelIsReplacedOnlyWithOverwriteModel() throws IOException {
        Path m = dir.resolve("model.json");
        CliRunner first = CliRunner.run("audit", table().toString(), "--target", "y", "--lambda", "0.1,1", "--quiet",
                "--save-model", m.toString(), "--choose", "std");
        assertThat(first.code()).as(first.err()).isZero();
        String saved = Files.readString(m);
        refusedBeforeWork(save(m), "exists; to replace a previous model on purpose add --overwrite-model");
        assertThat(m).hasContent(saved.trim());
        CliRunner again = save(m, "--overwrite-model", "--choose", "adv");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Files.readString(m)).contains("advrisk-linear-model/1").contains("min adversarial test MSE");
        assertThat(dir.resolve("model.json.tmp")).doesNotExist();
    }

    @Test
    void aModelTooLargeToSaveIsRefusedBeforeTheAuditRunsAndWrites() throws IOException {
        refusedBeforeWork(save(dir.resolve("big.json"), "--map", "relu:m=2000001", "--pgd-steps", "1"),
                "save-model: the model holds 2000001 numbers (map weights), more than 2000000");
        assertThat(dir.resolve("big.json")).doesNotExist();
    }

    @Test
    void aTargetInAMissingFolderOrNamedLikeAnOutFileIsRefused() throws IOException {
        refusedBeforeWork(save(dir.resolve("nowhere/model.json")), "its directory does not exist");
        refusedBeforeWork(save(dir.resolve("out/results.csv")), "is one of the files --out writes");
    }
}
