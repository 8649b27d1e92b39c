package org.advrisk.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.advrisk.experiment.Spec;
import org.advrisk.experiment.SpecReader;

/** Loads YAML spec files; every error names the file and the field path. */
public final class SpecFiles {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private SpecFiles() {
    }

    /** Reads and validates a spec file (the name defaults to the file name without extension). */
    public static Spec load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("spec: " + file + " does not exist or is not a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString(), baseName(file));
        } catch (IOException e) {
            throw new UserInputException("spec: cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Reads a spec from YAML text; {@code source} names it in messages. */
    public static Spec parse(InputStream in, String source, String defaultName) throws IOException {
        JsonNode tree;
        try {
            tree = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip();
            int nl = msg.indexOf('\n');
            throw new UserInputException("spec " + source + ": not valid YAML" + where + ": "
                    + (nl < 0 ? msg : msg.substring(0, nl)).strip());
        }
        try {
            return SpecReader.read(tree, defaultName);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("spec " + source + ": " + e.getMessage());
        }
    }

    static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
