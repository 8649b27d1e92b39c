package org.advrisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.advrisk.experiment.OutDirLock;
import org.advrisk.experiment.ResultStore;
import org.advrisk.io.JsonMappers;
import org.advrisk.param.UserText;

/**
 * The rule of {@code audit --out DIR}, the one {@code run} and {@code reproduce} keep: DIR is new, empty,
 * or an earlier audit of the same request (its {@code manifest.json} has format {@value #FORMAT} and the
 * same {@code request}, input file contents included), which the audit replaces; never a run, a
 * reproduction or any other non-empty directory, never a directory that holds one of the inputs, never
 * a directory another process holds ({@value ResultStore#LOCK}). Checked before any work
 * ({@link #check}) and again under the lock before anything is written ({@link #lock}).
 */
final class AuditDirectory {
    /** The manifest format of an audit directory. */
    static final String FORMAT = "advrisk-audit/1";
    /** The files an audit writes into DIR (plus plots/). */
    static final Set<String> FILES = Set.of("results.csv", "summary.csv", "results.jsonl", ResultStore.MANIFEST,
            "report.html", "plots", ResultStore.LOCK);

    private AuditDirectory() {
    }

    /** Refuses DIR (read-only checks) unless the audit may write there; {@code request} is what it records. */
    static void check(Path dir, ObjectNode request, String args, List<Path> inputs) throws IOException {
        check(dir, request, args, inputs, false);
    }

    private static void check(Path dir, ObjectNode request, String args, List<Path> inputs, boolean locked) throws IOException {
        String name = UserText.quote(dir.toString());
        if (dir.toString().isEmpty()) {
            throw new UserInputException("--out: the path is empty; allowed: a new or empty directory, or an earlier audit"
                    + " of the same request, e.g. --out runs/audit");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserInputException("--out: '" + name + "' exists and is not a directory; allowed: a new or empty"
                    + " directory, or an earlier audit of the same request");
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        Path real = dir.toRealPath();
        for (Path in : inputs) {
            if (in != null && Files.exists(in) && in.toRealPath().startsWith(real)) {
                throw new UserInputException("--out: '" + name + "' holds the input " + UserText.quote(in.toString())
                        + "; an audit never writes where its inputs are; choose another --out");
            }
        }
        if (!locked && OutDirLock.isHeld(dir)) {
            throw new UserInputException("--out: '" + name + "' is in use by another advrisk process (" + ResultStore.LOCK
                    + " is locked); wait for it to finish (or stop it) or choose another --out");
        }
        Path manifest = dir.resolve(ResultStore.MANIFEST);
        if (!Files.exists(manifest)) {
            if (!OutDirLock.holdsNothing(dir)) {
                throw new UserInputException("--out: '" + name + "' is not empty and holds no advrisk audit (no "
                        + ResultStore.MANIFEST + "); allowed: a new or empty directory, or an earlier audit of the same request");
            }
            return;
        }
        JsonNode old;
        try {
            old = JsonMappers.PLAIN.readTree(manifest.toFile());
        } catch (IOException e) {
            throw new UserInputException("--out: '" + name + "' has a " + ResultStore.MANIFEST + " that is not JSON; it is"
                    + " not an audit this version wrote; choose another --out");
        }
        if (old == null || !old.isObject() || !"audit".equals(old.path("command").asText())) {
            String format = old == null ? "" : old.path("format").asText();
            throw new UserInputException("--out: '" + name + "' holds " + (format.startsWith("advrisk-run/")
                    ? "an advrisk run (results.jsonl, manifest.json)" : "another command's results (" + ResultStore.MANIFEST
                    + ")") + "; audit would replace them; choose another --out");
        }
        if (!old.has("request")) { // written before requests were recorded: the same command line only
            if (!args.equals(old.path("args").asText())) {
                throw new UserInputException("--out: '" + name + "' holds an earlier audit of another request (args '"
                        + UserText.quote(old.path("args").asText()) + "'); rerun that request to replace it, or choose another --out");
            }
            return;
        }
        String diff = firstDifference(old.get("request"), request);
        if (diff != null) {
            throw new UserInputException("--out: '" + name + "' holds an audit of another request (" + UserText.quote(diff)
                    + "); rerun that request to replace it, or choose another --out");
        }
    }

    /** Creates DIR, takes its lock and repeats {@link #check} under it; the caller writes and then closes the lock. */
    static OutDirLock lock(Path dir, ObjectNode request, String args, List<Path> inputs) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw org.advrisk.experiment.Faults.of(e, dir, "cannot create the output directory", "choose an --out you can write to");
        }
        OutDirLock lock = OutDirLock.acquire(dir);
        try {
            check(dir, request, args, inputs, true);
            return lock;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Refuses a --save-model path that is one of the files an audit writes into {@code out} (null: no --out). */
    static void refuseOutFile(Path saveModel, Path out) {
        if (out != null && saveModel.toAbsolutePath().normalize().getParent().equals(out.toAbsolutePath().normalize())
                && FILES.contains(saveModel.getFileName().toString())) {
            throw new UserInputException("--save-model: '" + UserText.quote(saveModel.toString())
                    + "' is one of the files --out writes; give another name");
        }
    }

    private static String firstDifference(JsonNode old, ObjectNode fresh) {
        if (old == null || !old.isObject()) {
            return "its manifest has no request";
        }
        for (Iterator<String> it = fresh.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fresh.get(f).equals(old.get(f))) {
                return f + ": " + (old.get(f) == null ? "absent" : old.get(f).toString()) + " there, " + fresh.get(f) + " here";
            }
        }
        for (Iterator<String> it = old.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fresh.has(f)) {
                return f + ": " + old.get(f) + " there, absent here";
            }
        }
        return null;
    }
}
