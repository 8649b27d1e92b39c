package org.advrisk.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advrisk.io.AtomicFiles;

/**
 * The run directory: {@code results.jsonl} (one JSON line per row; each finished trial is appended
 * in one write and forced to disk), {@code results.csv} (derived, sorted in sweep order) and
 * {@code manifest.json} (spec, seed, versions, machine, times, status).
 *
 * <p>Opening a directory that already holds the same spec resumes it: complete trials are kept and
 * skipped, a trial cut off by a crash is dropped. A different spec, or a non-empty directory that is
 * not a run, is refused. Only one process may use a directory at a time.
 *
 * <p>The local {@link ResultSink}. Its parts: the lock ({@link DirLock}), the manifest
 * ({@link RunManifest}), reading the journal back with crash recovery ({@link ResultsJournal}), and
 * atomic files and the CSV ({@link RunFiles}); this class opens, appends and finishes.
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
        RunFiles.refuseForeign(dir);
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
            manifest = RunManifest.read(dir);
            if (!manifest.path("format").asText().startsWith("advrisk-run/")) {
                throw new IllegalArgumentException("out: " + dir + " is not a run directory (its " + MANIFEST
                        + " has format '" + manifest.path("format").asText() + "'); choose another --out");
            }
            JsonNode old = manifest.get("spec");
            // Round-trip through the mapper so numbers compare as they are read back (ints as longs).
            ObjectNode fresh = (ObjectNode) Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(spec.toTree()));
            if (!fresh.equals(old)) {
                throw new IllegalArgumentException("out: " + dir + " holds results of a different spec ("
                        + RunManifest.firstDifference(old, fresh) + "); rerun with the same spec to resume, or choose another --out");
            }
            RunManifest.checkInputs(dir, manifest.get("inputs"), inputs);
            ArrayNode sessions = (ArrayNode) manifest.withArray("sessions");
            if (!sessions.isEmpty() && sessions.get(sessions.size() - 1) instanceof ObjectNode last
                    && !last.has("ended")) {
                // The previous session died without closing (kill -9, power loss, disk full): say so.
                last.put("status", "interrupted");
                last.put("ended", "unknown (the process ended abruptly)");
            }
        } else {
            if (!RunFiles.onlyBookkeeping(dir)) {
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
            ResultsJournal.Scan scan = ResultsJournal.scan(ResultsJournal.readAll(ch), dir.resolve(RESULTS));
            if (scan.validEnd() < ch.size()) {
                ch.truncate(scan.validEnd());
                ch.force(true);
            }
            ch.position(ch.size());
            Set<String> done = Collections.synchronizedSet(new LinkedHashSet<>(scan.trials().keySet()));
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
            ResultStore store = new ResultStore(dir, ch, dirLock, manifest, done, scan.droppedLines());
            store.writeManifest();
            return store;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
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
        ResultsJournal.Scan scan = ResultsJournal.scan(ResultsJournal.readAll(channel), dir.resolve(RESULTS));
        List<String> keys = new ArrayList<>(scan.trials().keySet());
        keys.sort(Comparator.comparingInt(k -> index.getOrDefault(k, Integer.MAX_VALUE)));
        boolean complete = index.keySet().equals(scan.trials().keySet());
        if (complete) {
            StringBuilder sb = new StringBuilder();
            for (String k : keys) {
                for (Map<String, Object> row : scan.trials().get(k)) {
                    sb.append(Json.line(row)).append('\n');
                }
            }
            try {
                AtomicFiles.write(dir.resolve(RESULTS), sb.toString());
            } catch (IOException e) {
                throw Faults.of(e, dir.resolve(RESULTS), "cannot rewrite in sweep order (the rows are intact)",
                        "free space and rerun the same command");
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String k : keys) {
            rows.addAll(scan.trials().get(k));
        }
        try {
            RunFiles.writeCsv(dir.resolve(CSV), rows);
        } catch (IOException e) {
            throw Faults.of(e, dir.resolve(CSV), "cannot write (results.jsonl is intact)",
                    "free space and rerun the same command, or run advrisk report " + dir);
        }
        String now = Instant.now().toString();
        manifest.put("status", status);
        ((ObjectNode) manifest.get("trials")).put("done", scan.trials().size());
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
        String status = RunManifest.read(dir).path("status").asText();
        if (status.equals("running") && !DirLock.isHeld(dir)) {
            return "interrupted";
        }
        return status;
    }

    private void writeManifest() throws IOException {
        RunManifest.write(dir, manifest);
    }

    /** The rows of a run directory's complete trials, in file order, bookkeeping columns dropped. */
    public static List<Map<String, Object>> readRows(Path dir) throws IOException {
        return ResultsJournal.readRows(dir);
    }

    /** The manifest of a run directory. */
    public static ObjectNode readManifest(Path dir) throws IOException {
        return RunManifest.read(dir);
    }
}
