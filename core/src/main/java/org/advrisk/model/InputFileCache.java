package org.advrisk.model;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The bytes of the small input files a problem names ({@code file:PATH} spectra and θ*), read from disk once
 * and kept while the file is unchanged (same size, modification time and file key): every station of a run
 * (spec reading and checks, each trial, the manifest's SHA-256, the report) then parses the same bytes, and
 * the hash recorded is the hash of the bytes used; the numbers of a file are parsed once per content. Files over {@link #MAX_CACHED_BYTES} are read each time.
 * Thread-safe.
 */
public final class InputFileCache {
    /** Largest file kept in memory. */
    public static final long MAX_CACHED_BYTES = 64L << 20;
    private static final int MAX_ENTRIES = 64;
    private static final Map<Path, Entry> CACHE = new ConcurrentHashMap<>();
    private static final Map<Path, AtomicLong> READS = new ConcurrentHashMap<>();

    private static final Map<Path, Parsed> PARSED = new ConcurrentHashMap<>();

    private record Parsed(byte[] bytes, double[] values) {
    }

    private record Entry(long size, Object modified, Object fileKey, byte[] bytes) {
    }

    private InputFileCache() {
    }

    /** The file's bytes (from disk when not cached or changed since). */
    public static byte[] bytes(Path path) throws IOException {
        Path key = path.toAbsolutePath().normalize();
        BasicFileAttributes a = Files.readAttributes(key, BasicFileAttributes.class);
        Entry e = CACHE.get(key);
        if (e != null && e.size() == a.size() && e.modified().equals(a.lastModifiedTime())
                && java.util.Objects.equals(e.fileKey(), a.fileKey())) {
            return e.bytes();
        }
        byte[] b = Files.readAllBytes(key);
        READS.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        if (b.length <= MAX_CACHED_BYTES && b.length == a.size()) {
            if (CACHE.size() >= MAX_ENTRIES) {
                CACHE.clear();
                PARSED.clear();
            }
            CACHE.put(key, new Entry(a.size(), a.lastModifiedTime(), a.fileKey(), b));
        }
        return b;
    }

    /** The file's lines as {@link Files#readAllLines(Path)} gives them (UTF-8, malformed input refused). */
    public static List<String> lines(Path path) throws IOException {
        return lines(bytes(path));
    }

    private static List<String> lines(byte[] bytes) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8.newDecoder()))) {
            for (String line; (line = r.readLine()) != null; ) {
                out.add(line);
            }
        }
        return out;
    }

    /**
     * The numbers a parser reads from the file's lines, parsed once per content (a copy each call; a parser's
     * refusal is thrown each time, never kept).
     */
    public static double[] numbers(Path path, Function<List<String>, double[]> parser) throws IOException {
        Path key = path.toAbsolutePath().normalize();
        byte[] b = bytes(key);
        Parsed p = PARSED.get(key);
        if (p == null || p.bytes() != b) {
            p = new Parsed(b, parser.apply(lines(b)));
            if (CACHE.containsKey(key)) {
                PARSED.put(key, p);
            }
        }
        return p.values().clone();
    }

    /** The hex SHA-256 of the bytes {@link #bytes} gives. */
    public static String sha256(Path path) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(path)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many times the file was read from disk in this process (for tests and measurements). */
    public static long reads(Path path) {
        AtomicLong n = READS.get(path.toAbsolutePath().normalize());
        return n == null ? 0 : n.get();
    }
}
