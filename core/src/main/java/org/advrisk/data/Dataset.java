package org.advrisk.data;

import java.util.List;
import java.util.Locale;

/**
 * The data sets shipped in the jar, each with its default target and dropped columns; provenance
 * and licence files sit next to each one ({@code datasets/NAME.PROVENANCE.md}, {@code NAME.LICENSE}).
 */
public enum Dataset {
    /** 442 patients, 10 baseline variables, disease progression (scikit-learn; Efron et al. 2004; BSD-3). */
    DIABETES("diabetes", "progression", List.of()),
    /** 215 meat samples, 100 NIR absorbances, fat content (caret; Tecator permission note). */
    TECATOR("tecator", "fat", List.of("water", "protein")),
    /** 60 gasoline samples, 401 NIR wavelengths, octane number (pls; Kalivas 1997; GPL-2). p > n. */
    GASOLINE("gasoline", "octane", List.of());

    /** The allowed names, for messages. */
    public static final String ALLOWED = "diabetes, tecator, gasoline";

    private final String label;
    private final String target;
    private final List<String> drop;

    Dataset(String label, String target, List<String> drop) {
        this.label = label;
        this.target = target;
        this.drop = drop;
    }

    /** Parses a data set name. */
    public static Dataset parse(String text) {
        for (Dataset d : values()) {
            if (d.label.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("dataset: '" + text + "' is not a shipped data set; allowed: " + ALLOWED);
    }

    /** Its name. */
    public String label() {
        return label;
    }

    /** The default target column. */
    public String target() {
        return target;
    }

    /** Columns left out by default (other responses). */
    public List<String> drop() {
        return drop;
    }

    /** The table as a source. */
    public CsvSource source() {
        return CsvSource.resource("dataset " + label, Dataset.class, "datasets/" + label + ".csv.gz");
    }

    /** Text of its provenance file. */
    public String provenance() {
        try (var in = Dataset.class.getResourceAsStream("datasets/" + label + ".PROVENANCE.md")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
