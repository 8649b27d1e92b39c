package org.advrisk.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.advrisk.io.AtomicFiles;
import org.advrisk.io.JsonMappers;

/**
 * The run directory's {@code manifest.json}: reading it (a damaged or foreign one is refused with the
 * fix), checking that a resumed run has the same spec and inputs, and writing it atomically.
 */
final class RunManifest {
    private static final String MANIFEST = ResultStore.MANIFEST;

    private RunManifest() {
    }

    /** The manifest of a run directory. */
    static ObjectNode read(Path dir) throws IOException {
        Path f = dir.resolve(MANIFEST);
        if (!Files.exists(f)) {
            throw new IllegalArgumentException("dir: " + dir + " has no " + MANIFEST + "; is it an advrisk run directory?");
        }
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(f.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new IllegalArgumentException(f + " is damaged (not JSON" + where + "); restore it from a backup,"
                    + " or move the directory away and rerun into a new --out");
        } catch (IOException e) {
            throw Faults.of(e, f, "cannot read", "check the file's permissions");
        }
        if (!(n instanceof ObjectNode o) || !o.has("spec") || !o.path("spec").isObject()) {
            throw new IllegalArgumentException(f + " is not an advrisk manifest (no spec in it); restore it from a"
                    + " backup, or move the directory away and rerun into a new --out");
        }
        return o;
    }

    static void write(Path dir, ObjectNode manifest) throws IOException {
        try {
            AtomicFiles.write(dir.resolve(MANIFEST),
                    JsonMappers.PRETTY.writeValueAsString(manifest) + "\n");
        } catch (IOException e) {
            throw Faults.of(e, dir.resolve(MANIFEST), "cannot write", "free space (or fix the permissions) and rerun"
                    + " the same command to resume");
        }
    }

    static void checkInputs(Path dir, JsonNode recorded, Map<String, String> inputs) {
        if (recorded == null || !recorded.isObject()) {
            return; // a run made before inputs were hashed
        }
        for (Map.Entry<String, String> e : inputs.entrySet()) {
            JsonNode old = recorded.get(e.getKey());
            if (old != null && !old.asText().equals(e.getValue())) {
                throw new IllegalArgumentException("out: " + dir + " was run with a different " + e.getKey()
                        + " (its content changed: SHA-256 " + abbreviate(old.asText()) + " then, "
                        + abbreviate(e.getValue()) + " now); restore the file, or run into another --out");
            }
        }
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }

    static String firstDifference(JsonNode old, ObjectNode fresh) {
        if (old == null || !old.isObject()) {
            return "the manifest has no spec";
        }
        for (Iterator<String> it = fresh.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fresh.get(f).equals(old.get(f))) {
                return f + ": " + (old.get(f) == null ? "absent" : old.get(f).toString()) + " there, "
                        + fresh.get(f) + " here";
            }
        }
        return "fields differ";
    }

}
