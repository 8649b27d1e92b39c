package org.advrisk.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The run directory: {@code results.jsonl} (one JSON line per row; each finished trial is appended
 * in one write and forced to disk), {@code results.csv} (derived, sorted in sweep order) and
 * {@code manifest.json} (spec, seed, versions, machine, times, status).
 *
 * <p>Opening a directory that already holds the same spec resumes it: complete trials are kept and
 * skipped, a trial cut off by a crash is dropped. A different spec, or a non-empty directory that is
 * not a run, is refused. Only one process may use a directory at a time.
 */
public final class ResultStore implements ResultSink {
    /** File names inside a run directory. */
    public static final String RESULTS = "results.jsonl";
    public static final String CSV = "results.csv";
    public static final String MANIFEST = "manifest.json";
    /** The lock file: locked by the process using the directory, holds its pid, host and start time. */
    public static final String LOCK = ".advrisk.lock";
    /** Bookkeeping columns of results.jsonl (trial_key is kept in the CSV, the other two are not). */
    public static final String KEY = org.advrisk.columns.Columns.TRIAL_KEY.name();
    static final String ROW = org.advrisk.columns.Columns.ROW_OF_TRIAL.name();
    static final String ROWS = org.advrisk.columns.Columns.ROWS_OF_TRIAL.name();

    private final Path dir;
    private final FileChannel channel;
    private final DirLock lock;
    private final ObjectNode manifest;
    private final Set<String> finished;
    private final int recoveredLines;

    private ResultStore(Path dir, FileChannel channel, DirLock lock, ObjectNode manifest, Set<String> finished,
                        int recoveredLines) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
        this.manifest = manifest;
        this.finished = finished;
        this.recoveredLines = recoveredLines;
    }

    /**
     * Opens (creates or resumes) the run directory for {@code spec}.
     *
     * <p>The directory is locked first ({@value #LOCK}, an OS file lock held on one channel until
     * {@link #close()}), so two processes on the same directory cannot both pass the checks; the
     * second is refused with the first one's pid and host when they can be read.
     *
     * @param specSource where the spec came from (a file path or a description), for the resume hint
     */
    public static ResultStore open(Path dir, Spec spec, RunEnvironment env, String specSource, int threads,
                                   int totalTrials) throws IOException {
        return open(dir, spec, env, specSource, threads, totalTrials, Map.of());
    }

    /**
     * As {@link #open(Path, Spec, RunEnvironment, String, int, int)}, recording the SHA-256 of every
     * input file ({@code inputs}: the spec's text for it, e.g. {@code file:spectrum.txt}, to its hash);
     * a resume whose inputs changed is refused.
     */
    public static ResultStore open(Path dir, Spec spec, RunEnvironment env, String specSource, int threads,
                                   int totalTrials, Map<String, String> inputs) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("out: " + dir + " is a file; allowed: a new or empty directory, or a run to resume");
        }
        refuseForeign(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw Faults.of(e, dir, "cannot create the run directory", "choose a --out you can write to");
        }
        DirLock dirLock = DirLock.acquire(dir);
        try {
            return openLocked(dir, spec, env, specSource, threads, totalTrials, inputs, dirLock);
        } catch (IOException | RuntimeException e) {
            dirLock.release();
            throw e;
        }
    }

    private static ResultStore openLocked(Path dir, Spec spec, RunEnvironment env, String specSource, int threads,
                                          int totalTrials, Map<String, String> inputs, DirLock dirLock)
            throws IOException {
        Path manifestPath = dir.resolve(MANIFEST);
        ObjectNode manifest;
        String now = Instant.now().toString();
        if (Files.exists(manifestPath)) {
            manifest = readManifest(dir);
            if (!manifest.path("format").asText().startsWith("advrisk-run/")) {
                throw new IllegalArgumentException("out: " + dir + " is not a run directory (its " + MANIFEST
                        + " has format '" + manifest.path("format").asText() + "'); choose another --out");
            }
            JsonNode old = manifest.get("spec");
            // Round-trip through the mapper so numbers compare as they are read back (ints as longs).
            ObjectNode fresh = (ObjectNode) Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(spec.toTree()));
            if (!fresh.equals(old)) {
                throw new IllegalArgumentException("out: " + dir + " holds results of a different spec ("
                        + firstDifference(old, fresh) + "); rerun with the same spec to resume, or choose another --out");
            }
            checkInputs(dir, manifest.get("inputs"), inputs);
            ArrayNode sessions = (ArrayNode) manifest.withArray("sessions");
            if (!sessions.isEmpty() && sessions.get(sessions.size() - 1) instanceof ObjectNode last
                    && !last.has("ended")) {
                // The previous session died without closing (kill -9, power loss, disk full): say so.
                last.put("status", "interrupted");
                last.put("ended", "unknown (the process ended abruptly)");
            }
        } else {
            if (!onlyBookkeeping(dir)) {
                throw new IllegalArgumentException("out: " + dir + " is not empty and holds no advrisk run (no "
                        + MANIFEST + "); allowed: a new or empty directory, or a run to resume");
            }
            manifest = JsonNodeFactory.instance.objectNode();
            manifest.put("format", "advrisk-run/1");
            manifest.set("spec", spec.toTree());
            manifest.put("spec_source", specSource);
            manifest.put("seed", spec.seed());
            manifest.put("started", now);
            manifest.putArray("sessions");
        }
        if (!inputs.isEmpty()) {
            ObjectNode in = manifest.putObject("inputs");
            inputs.forEach(in::put);
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(dir.resolve(RESULTS), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw Faults.of(e, dir.resolve(RESULTS), "cannot open", "check the directory's permissions");
        }
        try {
            Scan scan = scan(readAll(ch), dir.resolve(RESULTS));
            if (scan.validEnd < ch.size()) {
                ch.truncate(scan.validEnd);
                ch.force(true);
            }
            ch.position(ch.size());
            Set<String> done = Collections.synchronizedSet(new LinkedHashSet<>(scan.trials.keySet()));
            manifest.set("environment", env.toTree());
            manifest.put("status", "running");
            manifest.remove("finished");
            ObjectNode session = ((ArrayNode) manifest.get("sessions")).addObject();
            session.put("started", now);
            session.put("threads", threads);
            session.put("pid", ProcessHandle.current().pid());
            session.put("host", DirLock.HOST);
            session.put("trials_done_before", done.size());
            ObjectNode counts = manifest.putObject("trials");
            counts.put("total", totalTrials);
            counts.put("done", done.size());
            ResultStore store = new ResultStore(dir, ch, dirLock, manifest, done, scan.droppedLines);
            store.writeManifest();
            return store;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** A non-empty directory without a manifest that holds anything but our lock file is not ours. */
    private static void refuseForeign(Path dir) throws IOException {
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(MANIFEST)) && !onlyBookkeeping(dir)) {
            throw new IllegalArgumentException("out: " + dir + " is not empty and holds no advrisk run (no "
                    + MANIFEST + "); allowed: a new or empty directory, or a run to resume");
        }
    }

    /** True when the directory holds nothing, or only what a run that died before its manifest leaves. */
    private static boolean onlyBookkeeping(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(f -> {
                String name = f.getFileName().toString();
                try {
                    return name.equals(LOCK) || name.equals(MANIFEST + ".tmp")
                            || (name.equals(RESULTS) && Files.size(f) == 0);
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    private static void checkInputs(Path dir, JsonNode recorded, Map<String, String> inputs) {
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

    /** The whole file through the store's own channel (another handle would end the lock on some systems). */
    private static byte[] readAll(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("results.jsonl is larger than 2 GB; split the sweep into several runs");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size);
        long pos = 0;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos);
            if (r < 0) {
                break;
            }
            pos += r;
        }
        return buf.array();
    }

    /** Keys of the trials already complete on disk. */
    public Set<String> finished() {
        synchronized (finished) {
            return Set.copyOf(finished);
        }
    }

    /** Lines of a trial cut off by an earlier crash that were dropped on opening. */
    public int recoveredLines() {
        return recoveredLines;
    }

    /** The run directory. */
    public Path dir() {
        return dir;
    }

    /** Appends the rows of one finished trial in a single write and forces them to disk. */
    public synchronized void append(Trial trial, List<Map<String, Object>> rows) throws IOException {
        if (rows.isEmpty()) {
            throw new IllegalStateException("trial " + trial.key() + " produced no rows");
        }
        String key = trial.key();
        if (finished.contains(key)) {
            throw new IllegalStateException("trial " + key + " is already stored");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(KEY, key);
            m.putAll(rows.get(i));
            m.put(ROW, i);
            m.put(ROWS, rows.size());
            sb.append(Json.line(m)).append('\n');
        }
        ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
        long before = channel.position();
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            // Leave no half trial behind (a resume would drop it anyway); the rows before it are safe.
            try {
                channel.truncate(before);
                channel.position(before);
            } catch (IOException ignored) {
                // the next open drops the cut-off trial
            }
            throw Faults.of(e, dir.resolve(RESULTS), "cannot store trial " + key,
                    "free space (or fix the file system) and rerun the same command to resume");
        }
        finished.add(key);
    }

    /**
     * Ends a session: derives results.csv in sweep order and records the status. When every trial is
     * done, results.jsonl is rewritten in sweep order too (so runs with any thread count give
     * identical files).
     */
    public synchronized void finish(List<Trial> order, String status) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        for (Trial t : order) {
            index.put(t.key(), t.index());
        }
        Scan scan = scan(readAll(channel), dir.resolve(RESULTS));
        List<String> keys = new ArrayList<>(scan.trials.keySet());
        keys.sort(Comparator.comparingInt(k -> index.getOrDefault(k, Integer.MAX_VALUE)));
        boolean complete = index.keySet().equals(scan.trials.keySet());
        if (complete) {
            StringBuilder sb = new StringBuilder();
            for (String k : keys) {
                for (Map<String, Object> row : scan.trials.get(k)) {
                    sb.append(Json.line(row)).append('\n');
                }
            }
            try {
                writeAtomically(dir.resolve(RESULTS), sb.toString());
            } catch (IOException e) {
                throw Faults.of(e, dir.resolve(RESULTS), "cannot rewrite in sweep order (the rows are intact)",
                        "free space and rerun the same command");
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String k : keys) {
            rows.addAll(scan.trials.get(k));
        }
        try {
            writeCsv(dir.resolve(CSV), rows);
        } catch (IOException e) {
            throw Faults.of(e, dir.resolve(CSV), "cannot write (results.jsonl is intact)",
                    "free space and rerun the same command, or run advrisk report " + dir);
        }
        String now = Instant.now().toString();
        manifest.put("status", status);
        ((ObjectNode) manifest.get("trials")).put("done", scan.trials.size());
        ArrayNode sessions = (ArrayNode) manifest.get("sessions");
        ObjectNode session = (ObjectNode) sessions.get(sessions.size() - 1);
        session.put("ended", now);
        session.put("status", status);
        if (complete) {
            manifest.put("finished", now);
        }
        writeManifest();
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } finally {
            lock.release();
        }
    }

    /**
     * The status of a run directory as a reader should see it: the manifest's status, except that
     * {@code running} becomes {@code interrupted} when no process holds the directory's lock (the run
     * ended abruptly: kill -9, power loss, a full disk).
     */
    public static String status(Path dir) throws IOException {
        String status = readManifest(dir).path("status").asText();
        if (status.equals("running") && !DirLock.isHeld(dir)) {
            return "interrupted";
        }
        return status;
    }

    /** The rows of a run directory's complete trials, in file order, bookkeeping columns dropped. */
    public static List<Map<String, Object>> readRows(Path dir) throws IOException {
        Path f = dir.resolve(RESULTS);
        if (!Files.exists(f)) {
            throw new IllegalArgumentException("dir: " + dir + " has no " + RESULTS + "; is it an advrisk run directory?");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            throw Faults.of(e, f, "cannot read", "check the file's permissions");
        }
        for (List<Map<String, Object>> trial : scan(bytes, f).trials.values()) {
            for (Map<String, Object> row : trial) {
                Map<String, Object> m = new LinkedHashMap<>(row);
                m.remove(ROW);
                m.remove(ROWS);
                out.add(m);
            }
        }
        return out;
    }

    /** The manifest of a run directory. */
    public static ObjectNode readManifest(Path dir) throws IOException {
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

    private void writeManifest() throws IOException {
        try {
            writeAtomically(dir.resolve(MANIFEST),
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
        } catch (IOException e) {
            throw Faults.of(e, dir.resolve(MANIFEST), "cannot write", "free space (or fix the permissions) and rerun"
                    + " the same command to resume");
        }
    }

    static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
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

    /** Writes rows as CSV; columns are the union in first-seen order, bookkeeping columns dropped. */
    static void writeCsv(Path target, List<Map<String, Object>> rows) throws IOException {
        LinkedHashSet<String> cols = new LinkedHashSet<>();
        for (Map<String, Object> r : rows) {
            cols.addAll(r.keySet());
        }
        cols.remove(ROW);
        cols.remove(ROWS);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader(cols.toArray(String[]::new)).get();
        boolean moved = false;
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(w, format)) {
                for (Map<String, Object> r : rows) {
                    List<Object> values = new ArrayList<>(cols.size());
                    for (String c : cols) {
                        values.add(r.get(c));
                    }
                    printer.printRecord(values);
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static String firstDifference(JsonNode old, ObjectNode fresh) {
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

    /** What a results.jsonl holds: complete trials in file order and where the valid part ends. */
    private record Scan(LinkedHashMap<String, List<Map<String, Object>>> trials, long validEnd, int droppedLines) {
    }

    /**
     * Reads the valid part of a results.jsonl. Only the end may be damaged (a trial cut off by a
     * crash mid-write: dropped); a bad line followed by further lines is an error naming its line.
     */
    private static Scan scan(byte[] bytes, Path file) {
        LinkedHashMap<String, List<Map<String, Object>>> trials = new LinkedHashMap<>();
        long validEnd = 0;
        int start = 0;
        String currentKey = null;
        List<Map<String, Object>> current = null;
        int lines = 0;
        int linesAtValid = 0;
        int totalLines = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                totalLines++;
            }
        }
        if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
            totalLines++;
        }
        String problem = null;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end >= bytes.length) {
                break; // an unterminated last line: cut off mid-write
            }
            String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            LinkedHashMap<String, Object> row;
            try {
                row = Json.row(line);
            } catch (IOException e) {
                problem = "not a JSON row";
                break;
            }
            Object key = row.get(KEY);
            Object ri = row.get(ROW);
            Object rn = row.get(ROWS);
            if (!(key instanceof String k) || !(ri instanceof Number i) || !(rn instanceof Number cnt)) {
                problem = "no " + KEY + ", " + ROW + " or " + ROWS;
                break;
            }
            int idx = i.intValue();
            if (idx == 0) {
                if (current != null) {
                    problem = "a new trial starts before trial " + currentKey + " is complete";
                    break;
                }
                if (trials.containsKey(k)) {
                    problem = "trial " + k + " appears twice";
                    break;
                }
                currentKey = k;
                current = new ArrayList<>();
            } else if (current == null || !k.equals(currentKey) || idx != current.size()) {
                problem = "row " + idx + " of trial " + k + " is out of order";
                break;
            }
            current.add(row);
            lines++;
            start = end + 1;
            if (idx == cnt.intValue() - 1) {
                trials.put(currentKey, current);
                current = null;
                currentKey = null;
                validEnd = start;
                linesAtValid = lines;
            }
        }
        if (problem != null) {
            int bad = lines + 1; // 1-based number of the line that failed
            if (bad < totalLines) {
                int after = totalLines - bad;
                throw new IllegalArgumentException(file + " line " + bad + " is damaged (" + problem + ") and "
                        + after + " line(s) follow it; nothing was changed. Remove or repair that line (every line is"
                        + " one JSON row of a trial), or move the directory away and rerun into a new --out");
            }
        }
        return new Scan(trials, validEnd, totalLines - linesAtValid);
    }
}
