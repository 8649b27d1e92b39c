package org.advrisk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files: strict reading (issue 25, LOW 10) and saving that leaves no temporary file (HIGH 2). */
class ModelFilesTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static final String LINEAR = "{\"format\": \"advrisk-linear-model/1\", \"intercept\": 1, \"coefficients\": {\"a\": 2}}";

    @Test
    void aValidLinearModelIsRead() throws IOException {
        LinearModel m = LinearModel.read(file("ok.json", LINEAR));
        assertThat(m.features()).containsExactly("a");
        assertThat(m.coefficients()).containsExactly(2.0);
    }

    @Test
    void duplicateKeysTrailingGarbageAndUnknownFormatsAreRefused() throws IOException {
        assertThatThrownBy(() -> LinearModel.read(file("dup.json",
                "{\"intercept\": 1, \"coefficients\": {\"a\": 2, \"a\": 3}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Duplicate field 'a'");
        assertThatThrownBy(() -> LinearModel.read(file("dup2.json", "{\"intercept\": 1, \"intercept\": 2, \"coefficients\": {\"a\": 2}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Duplicate field 'intercept'");
        assertThatThrownBy(() -> LinearModel.read(file("trail.json", LINEAR + " {\"more\": 1}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not valid JSON");
        assertThatThrownBy(() -> LinearModel.read(file("junk.json", LINEAR + "garbage")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not valid JSON");
        assertThatThrownBy(() -> MappedModel.readIfMapped(file("v9.json", LINEAR.replace("/1", "/9"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format \"advrisk-linear-model/9\" is not one this version reads");
        assertThatThrownBy(() -> LinearModel.read(file("tgt.json", "{\"target\": {\"x\": 1}, \"coefficients\": {\"a\": 2}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'target'").hasMessageContaining("a string");
    }

    @Test
    void aMappedModelNeedsAnIntegerSeed() throws IOException {
        String base = "{\"format\": \"advrisk-mapped-model/1\", \"map\": \"relu:m=2\", SEED \"lambda\": 0.1, \"intercept\": 0,"
                + " \"features\": [\"a\"], \"scaling\": {\"mean\": {\"a\": 0}, \"sd\": {\"a\": 1}}, \"weights\": [1, 2]}";
        assertThat(MappedModel.readIfMapped(file("ok.json", base.replace("SEED", "\"seed\": 7,"))).seed()).isEqualTo(7);
        for (String bad : new String[] {"\"seed\": 1.5,", "\"seed\": \"x\",", "\"seed\": 1e30,", ""}) {
            assertThatThrownBy(() -> MappedModel.readIfMapped(file("bad.json", base.replace("SEED", bad)))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'seed'");
        }
    }

    @Test
    void aFailedSaveLeavesNoTemporaryFile() throws IOException {
        Path target = Files.createDirectories(dir.resolve("model.json"));
        Files.writeString(target.resolve("inside"), "x"); // a non-empty directory cannot be replaced
        LinearModel m = new LinearModel("y", List.of("a"), new double[] {2}, 1, null, null, 0.5);
        assertThatThrownBy(() -> m.write(target, null)).isInstanceOfAny(IOException.class, IllegalArgumentException.class);
        assertThat(dir.resolve("model.json.tmp")).doesNotExist();
        assertThat(target.resolve("inside")).hasContent("x");
    }

    @Test
    void checkTargetRefusesAnInputByRealPath() throws IOException {
        Path in = file("data.csv", "a,y\n1,2\n");
        Path sub = Files.createDirectories(dir.resolve("sub"));
        assertThatThrownBy(() -> ModelFiles.checkTarget(sub.resolve("../data.csv"), true, List.of(in), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is one of this command's inputs");
        ModelFiles.checkTarget(dir.resolve("new.json"), false, List.of(in), null); // a new file is fine
    }
}
