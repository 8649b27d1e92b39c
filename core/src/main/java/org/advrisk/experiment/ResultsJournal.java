package org.advrisk.experiment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading {@code results.jsonl} back (JSONL recovery): one JSON row per line, each carrying its trial's
 * key, its index in the trial and the trial's row count, so that a trial cut off by a crash mid-write
 * is recognised and dropped, and any other damage is named by its line.
 */
final class ResultsJournal {
    private static final String KEY = ResultStore.KEY;
    private static final String ROW = ResultStore.ROW;
    private static final String ROWS = ResultStore.ROWS;
    private static final String RESULTS = ResultStore.RESULTS;

    private ResultsJournal() {
    }

    /** The whole file through the store's own channel (another handle would end the lock on some systems). */
    static byte[] readAll(FileChannel ch) throws IOException {
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

    /** The rows of a run directory's complete trials, in file order, bookkeeping columns dropped. */
    public static List<Map<String, Object>> readRows(Path dir) throws IOException {
        Path f = dir.resolve(RESULTS);
        if (!Files.exists(f)) {
            throw new IllegalArgumentException("dir: " + dir + " has no " + RESULTS + "; is it an advrisk run directory?");
        }
        if (!Files.isRegularFile(f)) { // a FIFO would block the read for ever
            throw new IllegalArgumentException(RESULTS + ": " + f + " is not a regular file; allowed: the file advrisk run writes");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            throw Faults.of(e, f, "cannot read", "check the file's permissions");
        }
        for (List<Map<String, Object>> trial : scan(bytes, f).trials().values()) {
            for (Map<String, Object> row : trial) {
                Map<String, Object> m = new LinkedHashMap<>(row);
                m.remove(ROW);
                m.remove(ROWS);
                out.add(m);
            }
        }
        return out;
    }

    /** What a results.jsonl holds: complete trials in file order and where the valid part ends. */
    record Scan(LinkedHashMap<String, List<Map<String, Object>>> trials, long validEnd, int droppedLines) {
    }

    /**
     * Reads the valid part of a results.jsonl. Only the end may be damaged (a trial cut off by a
     * crash mid-write: dropped); a bad line followed by further lines is an error naming its line.
     */
    static Scan scan(byte[] bytes, Path file) {
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
