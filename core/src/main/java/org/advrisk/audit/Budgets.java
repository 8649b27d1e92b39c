package org.advrisk.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advrisk.data.CsvSource;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Per-feature attack budgets d_j: the attack set is {δ : ‖D⁻¹δ‖_p ≤ α}, so feature j moves by at
 * most α·d_j (in the attack's units) and d_j = 0 makes it immutable. Read from a two-column CSV/TSV
 * file with a header (column name, weight); features not listed keep weight 1.
 */
public final class Budgets {
    private Budgets() {
    }

    /** Reads the weights of a budget file; refuses unknown or repeated names and weights that are not finite numbers ≥ 0. */
    public static Map<String, Double> read(CsvSource source, List<String> features) {
        Set<String> known = new HashSet<>(features);
        Map<String, Double> out = new LinkedHashMap<>();
        try (CSVParser parser = source.open()) {
            int line = 0;
            for (CSVRecord r : parser) {
                line++;
                if (line == 1) {
                    if (r.size() != 2) {
                        throw new IllegalArgumentException("--budget: " + source.label() + " must have 2 columns (column name, weight), the header has " + r.size());
                    }
                    continue;
                }
                if (r.size() != 2) {
                    throw new IllegalArgumentException("--budget: " + source.label() + " row " + (line - 1) + " has " + r.size() + " fields; allowed: 2 (column name, weight)");
                }
                String name = r.get(0);
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("--budget: " + source.label() + " row " + (line - 1) + ": unknown feature '" + name + "'");
                }
                double w;
                try {
                    w = Double.parseDouble(r.get(1));
                } catch (NumberFormatException e) {
                    w = Double.NaN;
                }
                if (!(w >= 0) || !Double.isFinite(w)) {
                    throw new IllegalArgumentException("--budget: " + source.label() + " row " + (line - 1) + ", feature '" + name
                            + "': weight '" + r.get(1) + "' is not allowed; allowed: a finite number >= 0 (0 = immutable)");
                }
                if (out.put(name, w) != null) {
                    throw new IllegalArgumentException("--budget: " + source.label() + ": feature '" + name + "' is listed twice");
                }
            }
            if (line == 0) {
                throw new IllegalArgumentException("--budget: " + source.label() + " is empty; expected a header and rows 'column,weight'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("--budget: " + source.label() + " cannot be read: " + e.getMessage());
        }
        return out;
    }

    /** The weight vector for the given features (1 where not listed). */
    public static double[] weights(Map<String, Double> budgets, List<String> features) {
        double[] d = new double[features.size()];
        for (int j = 0; j < d.length; j++) {
            d[j] = budgets == null ? 1.0 : budgets.getOrDefault(features.get(j), 1.0);
        }
        return d;
    }
}
