package org.advrisk.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads one finite number a line (blank lines and lines starting with # ignored). */
final class NumberFile {
    private NumberFile() {
    }

    static double[] read(String field, String pathText) {
        if (pathText.isEmpty()) {
            throw new IllegalArgumentException(field + ": 'file:' needs a path, e.g. file:eigs.txt");
        }
        Path path = Path.of(pathText);
        try {
            return InputFileCache.numbers(path, lines -> parse(field, pathText, lines));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(field + ": cannot read file " + pathText + " (no such file)");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(field + ": cannot read file " + pathText + " (not UTF-8 text)");
        } catch (IOException e) {
            String why = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
            throw new IllegalArgumentException(field + ": cannot read file " + pathText + " (" + why + ")");
        }
    }

    private static double[] parse(String field, String pathText, List<String> lines) {
        double[] out = new double[lines.size()];
        int count = 0;
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).trim();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            double d;
            try {
                d = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + ": " + pathText + " line " + (i + 1) + ": '" + s
                        + "' is not a number");
            }
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(field + ": " + pathText + " line " + (i + 1) + ": '" + s
                        + "' is not a finite number");
            }
            out[count++] = d;
        }
        if (count == 0) {
            throw new IllegalArgumentException(field + ": " + pathText + " holds no numbers");
        }
        return java.util.Arrays.copyOf(out, count);
    }
}
