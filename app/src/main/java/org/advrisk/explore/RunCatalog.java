package org.advrisk.explore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.advrisk.experiment.ResultStore;

/**
 * The run directories the explorer serves ({@code explore --run DIR}: one; {@code explore --runs DIR}: every
 * run directory found under DIR), each under a name: its path relative to DIR with '/' (or, for
 * {@code --run}, its directory name). {@code /api/figures?run=NAME} looks NAME up in this fixed list, so no
 * request can name any other path; a run's figures are read on first request and kept.
 */
final class RunCatalog {
    /** How deep {@code --runs} looks below DIR (a reproduction's parts are one level down). */
    static final int MAX_DEPTH = 3;
    /** At most this many runs are listed. */
    static final int MAX_RUNS = 200;
    /** No runs (the explorer started without --run or --runs). */
    static final RunCatalog NONE = new RunCatalog(Map.of());

    private final Map<String, Path> runs;
    private final Map<String, Map<String, Object>> loaded = new java.util.concurrent.ConcurrentHashMap<>();

    private RunCatalog(Map<String, Path> runs) {
        this.runs = Collections.unmodifiableMap(new LinkedHashMap<>(runs));
    }

    /** One run directory ({@code --run DIR}), read now so that a bad directory fails at start. */
    static RunCatalog single(Path dir) throws IOException {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        RunCatalog c = new RunCatalog(Map.of(name == null ? dir.toString() : name.toString(), dir));
        Map<String, Object> f = new LinkedHashMap<>(ExploreServer.figures(dir));
        f.put("name", c.names().get(0));
        c.loaded.put(c.names().get(0), f);
        return c;
    }

    /** Every directory under {@code root} (at most {@link #MAX_DEPTH} levels) with a manifest and results. */
    static RunCatalog scan(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("runs: " + root + " is not a directory; allowed: a directory holding run"
                    + " directories (advrisk run --out, advrisk reproduce --out)");
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root, MAX_DEPTH)) {
            s.filter(Files::isDirectory).filter(RunCatalog::isRun).sorted().forEach(found::add);
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("runs: no run directory (one with " + ResultStore.MANIFEST + " and "
                    + ResultStore.RESULTS + ") within " + MAX_DEPTH + " levels of " + root);
        }
        if (found.size() > MAX_RUNS) {
            throw new IllegalArgumentException("runs: " + found.size() + " run directories under " + root
                    + "; allowed: at most " + MAX_RUNS + " (give a directory closer to the runs)");
        }
        Map<String, Path> m = new LinkedHashMap<>();
        for (Path p : found) {
            String rel = root.relativize(p).toString().replace(java.io.File.separatorChar, '/');
            Path own = root.toAbsolutePath().normalize().getFileName();
            m.put(rel.isEmpty() ? (own == null ? "." : own.toString()) : rel, p);
        }
        return new RunCatalog(m);
    }

    private static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve(ResultStore.MANIFEST)) && Files.isRegularFile(dir.resolve(ResultStore.RESULTS));
    }

    /** The names, in listing order. */
    List<String> names() {
        return List.copyOf(runs.keySet());
    }

    boolean isEmpty() {
        return runs.isEmpty();
    }

    /**
     * The figures and verdicts of run {@code name} (null: the first run); 404 naming {@code run} for a name not
     * in the list, 400 when the directory cannot be read as a run.
     */
    Map<String, Object> figures(String name) {
        if (runs.isEmpty()) {
            throw new RefusedRequest(400, new ApiError("run", null, "explore --run DIR or --runs DIR",
                    "run: the explorer was started without --run DIR or --runs DIR, so it has no run's figures to serve"));
        }
        String key = name == null ? names().get(0) : name;
        Path dir = runs.get(key);
        if (dir == null) {
            throw new RefusedRequest(404, new ApiError("run", key, "one of the listed runs (GET /api/runs)",
                    "run: '" + key + "' is not one of the " + runs.size() + " runs this explorer lists; allowed: "
                            + String.join(", ", names().subList(0, Math.min(10, runs.size())))
                            + (runs.size() > 10 ? ", …" : "")));
        }
        return loaded.computeIfAbsent(key, k -> {
            try {
                Map<String, Object> f = new LinkedHashMap<>(ExploreServer.figures(dir));
                f.put("name", k);
                return f;
            } catch (IOException | RuntimeException e) {
                throw new RefusedRequest(400, new ApiError("run", k, "a run directory written by advrisk run",
                        "run: '" + k + "' could not be read as a run directory (" + e.getMessage() + ")"));
            }
        });
    }
}
