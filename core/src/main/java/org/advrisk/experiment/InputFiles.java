package org.advrisk.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advrisk.model.InputFileCache;

/**
 * The input files a spec names ({@code file:PATH} spectra and θ*) with the SHA-256 of their content,
 * recorded in the manifest so that a resume notices an edited file (hashed from the bytes the run parses).
 */
public final class InputFiles {
    private InputFiles() {
    }

    /** {@code "spectrum file:PATH"} (or theta) to the hex SHA-256 of the file, in spec order. */
    public static Map<String, String> hashes(Spec spec) {
        Map<String, String> out = new LinkedHashMap<>();
        add(out, "spectrum", spec.spectrum());
        add(out, "theta", spec.theta());
        return out;
    }

    private static void add(Map<String, String> out, String field, List<String> values) {
        for (String v : values) {
            String t = v.trim();
            if (t.regionMatches(true, 0, "file:", 0, 5)) {
                Path p = Path.of(t.substring(5).trim());
                out.put(field + " " + t, cachedSha256(field, p));
            }
        }
    }

    /**
     * The hex SHA-256 of a spec's input file, from the bytes the run parses ({@link InputFileCache}: read from
     * disk once per run while the file is unchanged).
     */
    static String cachedSha256(String field, Path file) {
        try {
            return InputFileCache.sha256(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(field + ": cannot read file " + file + " (" + Faults.reason(e) + ")");
        }
    }

    /** The hex SHA-256 of a file's bytes. */
    public static String sha256(String field, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalArgumentException(field + ": cannot read file " + file + " (" + Faults.reason(e) + ")");
        }
    }
}
