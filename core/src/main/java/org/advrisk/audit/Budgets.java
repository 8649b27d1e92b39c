package org.advrisk.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advrisk.data.CsvSource;
import org.advrisk.param.NumberParam;
import org.advrisk.param.Parameters;
import org.advrisk.param.UserText;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Per-feature attack budgets d_j: the attack set is {δ : ‖D⁻¹δ‖_p ≤ α}, so feature j moves by at
 * most α·d_j (in the attack's units) and d_j = 0 makes it immutable. Read from a two-column CSV/TSV
 * file with a header (column name, weight); features not listed keep weight 1.
 */
public final class Budgets {
    /**
     * A budget weight: like α, at most {@link Parameters#MAX_SCALE} (α·d_j enters squared risks), 0 allowed
     * (an immutable feature).
     */
    public static final NumberParam WEIGHT = new NumberParam("weight", 0, Parameters.MAX_SCALE, "1",
            "per-feature budget weight d_j >= 0 (0 = immutable)");

    private Budgets() {
    }

    /** A first line that names a known feature and a number is a data row of a file without a header. */
    private static boolean looksLikeData(String name, String weight, Set<String> known) {
        if (!known.contains(name)) {
            return false;
        }
        try {
            Double.parseDouble(weight.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Reads the weights of a budget file; refuses unknown or repeated names and weights that are not finite numbers ≥ 0. */
    public static Map<String, Double> read(CsvSource source, List<String> features) {
        Set<String> known = new HashSet<>(features);
        String label = UserText.quote(source.label());
        Map<String, Double> out = new LinkedHashMap<>();
        try (CSVParser parser = source.open()) {
            int line = 0;
            for (CSVRecord r : parser) {
                line++;
                if (line == 1) {
                    if (r.size() != 2) {
                        throw new IllegalArgumentException("budget: " + label + " must have 2 columns (column name, weight), the header has " + r.size());
                    }
                    if (looksLikeData(r.get(0), r.get(1), known)) {
                        throw new IllegalArgumentException("budget: " + label + ": the first line '" + UserText.quote(r.get(0))
                                + "," + UserText.quote(r.get(1)) + "' is a feature and a weight, not a header; the file must"
                                + " start with a header line, e.g. column,weight");
                    }
                    continue;
                }
                if (r.size() != 2) {
                    throw new IllegalArgumentException("budget: " + label + " row " + (line - 1) + " has " + r.size() + " fields; allowed: 2 (column name, weight)");
                }
                String name = r.get(0);
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("budget: " + label + " row " + (line - 1) + ": unknown feature '" + UserText.quote(name) + "'");
                }
                double w;
                try {
                    w = Double.parseDouble(r.get(1));
                } catch (NumberFormatException e) {
                    w = Double.NaN;
                }
                if (!(w >= WEIGHT.min()) || !(w <= WEIGHT.max())) {
                    throw new IllegalArgumentException("budget: " + label + " row " + (line - 1) + ", feature '" + name
                            + "': weight '" + UserText.quote(r.get(1)) + "' is not allowed; allowed: " + WEIGHT.allowed()
                            + " (0 = immutable)");
                }
                if (out.put(name, w) != null) {
                    throw new IllegalArgumentException("budget: " + label + ": feature '" + name + "' is listed twice");
                }
            }
            if (line == 0) {
                throw new IllegalArgumentException("budget: " + label + " is empty; expected a header and rows 'column,weight'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("budget: " + label + " cannot be read: " + UserText.quote(String.valueOf(e.getMessage())));
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
