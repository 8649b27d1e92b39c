package org.advrisk.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.advrisk.io.AtomicFiles;
import org.advrisk.io.JsonMappers;
import org.advrisk.param.UserText;

/**
 * Model files on disk, the rules of {@code --model} and {@code --save-model}. Reading is strict: one
 * JSON object, no duplicate keys, nothing after it, a known {@code format} when one is given, at most
 * {@link #MAX_BYTES}. Saving never follows a symbolic link, never replaces a device, a directory or one
 * of the command's inputs, and replaces an existing model only when asked ({@code --overwrite-model});
 * it writes a sibling temporary file and moves it into place, removing the temporary file on failure.
 */
public final class ModelFiles {
    /** Largest model file read (a saved model holds at most {@link MappedModel#MAX_NUMBERS} numbers). */
    public static final long MAX_BYTES = 256L << 20;
    /** Formats this version reads. */
    public static final List<String> FORMATS = List.of(LinearModel.FORMAT, MappedModel.FORMAT);


    private ModelFiles() {
    }

    /** The model file as a JSON object; every problem is one line naming the file. */
    public static JsonNode parse(Path file) {
        String name = UserText.quote(file.toString());
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("model: '" + name + "' " + (Files.exists(file)
                        ? "is not a regular file" : "does not exist"));
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("model: '" + name + "' has " + Files.size(file) + " bytes; allowed: at most "
                        + MAX_BYTES + " (a saved model holds at most " + MappedModel.MAX_NUMBERS + " numbers)");
            }
            JsonNode root = JsonMappers.STRICT.readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("model: '" + name + "' must hold a JSON object");
            }
            JsonNode format = root.get("format");
            if (format != null && !(format.isTextual() && FORMATS.contains(format.asText()))) {
                throw new IllegalArgumentException("model: '" + name + "': format " + UserText.quote(format.toString())
                        + " is not one this version reads; allowed: " + String.join(", ", FORMATS)
                        + " (or no format: an external linear model)");
            }
            return root;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("model: '" + name + "' does not exist");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new IllegalArgumentException("model: '" + name + "' is not valid JSON" + where + ": "
                    + UserText.quote(e.getOriginalMessage().split("\n")[0]));
        } catch (IOException e) {
            throw new IllegalArgumentException("model: '" + name + "' cannot be read: " + UserText.quote(String.valueOf(e.getMessage())));
        }
    }

    /**
     * Refuses a {@code --save-model} target before any work: an empty path, a missing parent directory, an
     * existing target that is a symbolic link, not a regular file, or one of {@code inputs} (compared by real
     * path), and an existing model unless {@code overwrite}. {@code outDir} (or null) is a directory the
     * command creates before saving: the model may go into it.
     */
    public static void checkTarget(Path target, boolean overwrite, Collection<Path> inputs, Path outDir) throws IOException {
        String name = UserText.quote(target.toString());
        if (target.toString().isEmpty()) {
            throw new IllegalArgumentException("save-model: the path is empty; allowed: a new file name, e.g. model.json");
        }
        Path parent = target.toAbsolutePath().getParent();
        boolean intoOut = outDir != null && parent != null && parent.normalize().equals(outDir.toAbsolutePath().normalize());
        if (parent == null || !(Files.isDirectory(parent) || (intoOut && !Files.exists(parent)))) {
            throw new IllegalArgumentException("save-model: '" + name + "': its directory does not exist; create it first");
        }
        if (Files.isSymbolicLink(target)) {
            throw new IllegalArgumentException("save-model: '" + name + "' is a symbolic link; advrisk does not write"
                    + " through links; give the real path of a new file");
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("save-model: '" + name + "' exists and is not a regular file (a directory"
                    + " or a device); give the path of a new file");
        }
        Path real = target.toRealPath();
        for (Path in : inputs) {
            if (in != null && Files.exists(in) && in.toRealPath().equals(real)) {
                throw new IllegalArgumentException("save-model: '" + name + "' is one of this command's inputs; a model"
                        + " never replaces an input; give the path of a new file");
            }
        }
        if (!overwrite) {
            throw new IllegalArgumentException("save-model: '" + name + "' exists; to replace a previous model on purpose"
                    + " add --overwrite-model, or give the path of a new file");
        }
    }

    /** Writes {@code text} to a sibling temporary file and moves it over {@code target}; the temporary file never stays. */
    static void write(Path target, String text) throws IOException {
        AtomicFiles.write(target, text, () -> {
            if (Files.isSymbolicLink(target) || (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS))) {
                throw new IllegalArgumentException("save-model: '" + UserText.quote(target.toString())
                        + "' became a link or a special file while the audit ran; nothing was saved");
            }
        });
    }
}
