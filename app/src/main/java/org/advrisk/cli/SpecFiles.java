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

    /** Largest spec file read (a spec lists grids; data such as spectra go in {@code file:} inputs). */
    public static final int MAX_BYTES = 1 << 20;
    /** Longest line of a spec (the YAML parser's time grows with the square of a line's length). */
    public static final int MAX_LINE = 64 * 1024;

    /** Reads and validates a spec file (the name defaults to the file name without extension). */
    public static Spec load(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserInputException("spec: " + file + " is a directory; give a spec file (YAML), e.g. examples/ridge-tradeoff.yaml");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("spec: " + file + " does not exist; give a spec file (YAML), e.g. examples/ridge-tradeoff.yaml");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UserInputException("spec " + file + ": " + Files.size(file) + " bytes is larger than the limit of "
                        + MAX_BYTES + " bytes (1 MiB); a spec lists grids: put long lists of eigenvalues or θ* in a file"
                        + " and name it with file:PATH");
            }
        } catch (IOException e) {
            throw new UserInputException("spec: cannot read " + file + ": " + org.advrisk.experiment.Faults.reason(e));
        }
        try (InputStream in = Files.newInputStream(file)) {
            Path base = file.toAbsolutePath().getParent();
            return parse(in, file.toString(), baseName(file), base);
        } catch (IOException e) {
            throw new UserInputException("spec: cannot read " + file + ": " + org.advrisk.experiment.Faults.reason(e));
        }
    }

    /** Reads a spec from YAML text; {@code source} names it in messages. */
    public static Spec parse(InputStream in, String source, String defaultName) throws IOException {
        return parse(in, source, defaultName, null);
    }

    /** As {@link #parse(InputStream, String, String)}; relative {@code file:} paths resolve against {@code baseDir}. */
    public static Spec parse(InputStream in, String source, String defaultName, Path baseDir) throws IOException {
        String text = text(in.readNBytes(MAX_BYTES + 1), source);
        refuseAliases(text, source);
        JsonNode tree;
        try (com.fasterxml.jackson.core.JsonParser parser = YAML.createParser(text)) {
            tree = YAML.readTree(parser);
            if (tree != null && parser.nextToken() != null) {
                throw new UserInputException("spec " + source + ": holds more than one YAML document (a second one starts"
                        + " at line " + parser.currentLocation().getLineNr() + "); a spec is one mapping: remove the"
                        + " '---' and what follows, or split it into two files");
            }
        } catch (JsonProcessingException e) {
            throw new UserInputException("spec " + source + ": " + yamlProblem(e));
        }
        try {
            return SpecReader.read(tree, defaultName, baseDir);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("spec " + source + ": " + e.getMessage());
        }
    }

    /** The spec's text: at most {@link #MAX_BYTES}, UTF-8, no line longer than {@link #MAX_LINE}. */
    private static String text(byte[] bytes, String source) {
        if (bytes.length > MAX_BYTES) {
            throw new UserInputException("spec " + source + ": larger than the limit of " + MAX_BYTES + " bytes (1 MiB);"
                    + " a spec lists grids: put long lists of eigenvalues or θ* in a file and name it with file:PATH");
        }
        java.nio.charset.CharsetDecoder dec = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        String text;
        try {
            text = dec.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            int bad = firstBadUtf8(bytes);
            int line = 1;
            int col = 1;
            for (int i = 0; i < bad; i++) {
                col++;
                if (bytes[i] == '\n') {
                    line++;
                    col = 1;
                }
            }
            throw new UserInputException("spec " + source + ": not UTF-8 text: byte 0x"
                    + String.format("%02x", bytes[bad] & 0xff) + " at line " + line + ", column " + col
                    + "; save the file as UTF-8");
        }
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE) {
                    throw new UserInputException("spec " + source + ": line " + line + " has " + (i - start)
                            + " characters, more than the limit of " + MAX_LINE + "; break long lists over several"
                            + " lines, or put eigenvalues or θ* in a file and name it with file:PATH");
                }
                line++;
                start = i + 1;
            }
        }
        return text;
    }

    /** Offset of the first byte that does not start a valid UTF-8 sequence. */
    private static int firstBadUtf8(byte[] b) {
        java.nio.charset.CharsetDecoder dec = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(b);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(b.length + 1);
        java.nio.charset.CoderResult r = dec.decode(in, out, true);
        return r.isError() ? in.position() : Math.max(0, b.length - 1);
    }

    /** YAML aliases ({@code *name}) would reach the spec reader as the anchor's name: refuse them. */
    private static void refuseAliases(String text, String source) throws IOException {
        if (text.indexOf('*') < 0) {
            return;
        }
        try (com.fasterxml.jackson.dataformat.yaml.YAMLParser p = (com.fasterxml.jackson.dataformat.yaml.YAMLParser) YAML.createParser(text)) {
            while (p.nextToken() != null) {
                if (p.isCurrentAlias()) {
                    throw new UserInputException("spec " + source + ": line " + p.currentLocation().getLineNr()
                            + ": the YAML alias *" + p.getText() + " is not supported; write the value out");
                }
            }
        } catch (JsonProcessingException e) {
            // reported with its line by the real parse
        }
    }

    private static final java.util.regex.Pattern MALFORMED = java.util.regex.Pattern.compile(
            "Malformed numeric value '([^']*)'");

    /** A YAML parser's complaint in one line, in the user's terms. */
    private static String yamlProblem(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
        String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip();
        int nl = msg.indexOf('\n');
        msg = (nl < 0 ? msg : msg.substring(0, nl)).strip();
        java.util.regex.Matcher m = MALFORMED.matcher(msg);
        if (m.find()) {
            String v = m.group(1);
            String lower = v.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".inf") || lower.equals(".nan")) {
                return "line" + where.replace(" at line", "") + ": " + v + " (YAML for "
                        + (lower.equals(".nan") ? "not-a-number" : "infinity") + ") is not allowed; every number in a"
                        + " spec must be finite";
            }
            return "line" + where.replace(" at line", "") + ": '" + v + "' is not a number";
        }
        return "not valid YAML" + where + ": " + msg;
    }

    static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
