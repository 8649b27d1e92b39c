package org.advrisk.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * A table file that can be read any number of times: a delimited text table with a header line (a file:
 * comma-separated, or tab-separated when the name ends in .tsv/.tab or the header has tabs and no commas;
 * gzip when the name ends in .gz or the content starts with the gzip magic; or a classpath resource, the
 * shipped datasets), or a Parquet file (the name ends in .parquet or the content starts with PAR1).
 */
public final class CsvSource {
    /** Opens a fresh stream of the raw bytes. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    private final String label;
    private final Opener opener;
    private final char delimiter;
    private final Path path;
    private final boolean parquet;

    private CsvSource(String label, Opener opener, char delimiter, Path path, boolean parquet) {
        this.label = label;
        this.opener = opener;
        this.delimiter = delimiter;
        this.path = path;
        this.parquet = parquet;
    }

    /** A file on disk; refuses a missing or unreadable file. */
    public static CsvSource file(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("data file: '" + path + "' does not exist or is not a file");
        }
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("data file: '" + path + "' is not readable");
        }
        Opener o = () -> Files.newInputStream(path);
        if (isParquet(path)) {
            return new CsvSource(path.toString(), o, ',', path, true);
        }
        return new CsvSource(path.toString(), o, sniffDelimiter(path.getFileName().toString(), o), path, false);
    }

    /** A classpath resource (name as for {@link Class#getResourceAsStream}). */
    public static CsvSource resource(String label, Class<?> anchor, String name) {
        if (anchor.getResource(name) == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        Opener o = () -> anchor.getResourceAsStream(name);
        return new CsvSource(label, o, sniffDelimiter(name, o), null, false);
    }

    /** The name used in messages (the file path). */
    public String label() {
        return label;
    }

    /** The field delimiter in use. */
    public char delimiter() {
        return delimiter;
    }

    /** Whether the file is a Parquet file. */
    public boolean parquet() {
        return parquet;
    }

    /** The file, or null for a resource. */
    public Path path() {
        return path;
    }

    /** The size in bytes of the text to read when known (a plain, uncompressed file), else −1. */
    public long size() {
        if (path == null) {
            return -1;
        }
        try (InputStream in = Files.newInputStream(path)) {
            int b0 = in.read();
            int b1 = in.read();
            return b0 == 0x1f && b1 == 0x8b ? -1 : Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    /** A fresh stream of the text's bytes (decompressed). */
    public InputStream bytes() throws IOException {
        return decompressed(opener);
    }

    /** A new parser positioned before the header record. */
    public CSVParser open() {
        if (parquet) {
            throw new IllegalArgumentException(label + ": a Parquet file, not a CSV table");
        }
        try {
            Reader r = new InputStreamReader(decompressed(opener), StandardCharsets.UTF_8);
            CSVFormat f = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true)
                    .setIgnoreEmptyLines(true).get();
            return CSVParser.builder().setReader(r).setFormat(f).get();
        } catch (IOException e) {
            throw new UncheckedIOException(label + ": " + e.getMessage(), e);
        }
    }

    private static boolean isParquet(Path path) {
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] m = in.readNBytes(4);
            return m.length == 4 && m[0] == 'P' && m[1] == 'A' && m[2] == 'R' && m[3] == '1';
        } catch (IOException e) {
            return false;
        }
    }

    private static InputStream decompressed(Opener opener) throws IOException {
        InputStream in = new BufferedInputStream(opener.open(), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    private static char sniffDelimiter(String name, Opener opener) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            lower = lower.substring(0, lower.length() - 3);
        }
        if (lower.endsWith(".tsv") || lower.endsWith(".tab")) {
            return '\t';
        }
        if (lower.endsWith(".csv")) {
            return ',';
        }
        try (InputStream in = decompressed(opener)) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n' && line.length() < 1 << 20) {
                line.append((char) c);
            }
            String h = line.toString();
            return h.indexOf('\t') >= 0 && h.indexOf(',') < 0 ? '\t' : ',';
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }
}
