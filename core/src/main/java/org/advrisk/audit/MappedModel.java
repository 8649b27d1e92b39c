package org.advrisk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advrisk.attack.Predictor;
import org.advrisk.io.JsonMappers;

/**
 * A fitted model of standardised inputs z = (x − mean)/sd, as {@code --save-model} writes it with a
 * {@code --map} and {@code --model} reads it back: f(z) = b + Σ_k c_k φ_k(z) for a random feature map
 * (rebuilt from its spec and seed, so only c is stored), or f(z) = b + Σ_i c_i K1(z, z_i) for
 * {@code ntk} (the kernel expansion needs its training points z_i, which are stored).
 *
 * @param target   target column name
 * @param features input column names, in order
 * @param mean     training means of the inputs (raw units)
 * @param sd       standard deviations the inputs are divided by (all 1 when not standardised)
 * @param standardized whether sd holds training standard deviations
 * @param map      the map spec ({@code relu:m=M}, {@code rff:m=M,gamma=G}, {@code ntk})
 * @param seed     the seed of the random feature map (unused for ntk)
 * @param lambda   the λ it was fitted with
 * @param intercept b
 * @param weights  c: m map weights, or n kernel weights
 * @param points   ntk: the n training points, d×n column-major (point i at [i·d, (i+1)·d)); else null
 */
public record MappedModel(String target, List<String> features, double[] mean, double[] sd, boolean standardized,
                          String map, long seed, double lambda, double intercept, double[] weights, double[] points) {
    /** Format tag written into saved mapped models. */
    public static final String FORMAT = "advrisk-mapped-model/1";

    /** Most numbers (weights and points) a saved model may hold: about 40 MB of JSON. */
    public static final long MAX_NUMBERS = 2_000_000L;

    public MappedModel {
        features = List.copyOf(features);
        int d = features.size();
        if (mean.length != d || sd.length != d) {
            throw new IllegalArgumentException("model: scaling has " + mean.length + " means and " + sd.length
                    + " sds for " + d + " features");
        }
        if (InputPath.isKernel(map)) {
            if (points == null || points.length != (long) d * weights.length) {
                throw new IllegalArgumentException("model: 'points' must hold " + weights.length + " points of "
                        + d + " inputs (one per weight)");
            }
        } else {
            int m = InputPath.featureMap(map, d, seed).m();
            if (weights.length != m) {
                throw new IllegalArgumentException("model: 'weights' has " + weights.length + " entries but the map "
                        + map + " has m = " + m);
            }
        }
    }

    /** The predictor on standardised inputs (the feature map is rebuilt from spec and seed). */
    public Predictor predictor() {
        int d = features.size();
        if (InputPath.isKernel(map)) {
            return InterceptKernelRidgePath.predictor(InputPath.kernelOf(map, d), d, weights.length, points, weights,
                    intercept);
        }
        return MappedAudit.predictor(InputPath.featureMap(map, d, seed), weights, intercept);
    }

    /** Writes the model as JSON, refusing (naming --save-model) more than {@link #MAX_NUMBERS} numbers. */
    public void write(Path file, Map<String, Object> extra) throws IOException {
        requireSize(weights.length + (points == null ? 0 : (long) points.length), points != null);

        ObjectNode root = JsonMappers.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("target", target);
        root.put("map", map);
        root.put("seed", seed);
        root.put("lambda", lambda);
        root.put("intercept", intercept);
        ArrayNode f = root.putArray("features");
        features.forEach(f::add);
        ObjectNode s = root.putObject("scaling");
        s.put("standardize", standardized);
        ObjectNode mm = s.putObject("mean");
        ObjectNode ss = s.putObject("sd");
        for (int j = 0; j < features.size(); j++) {
            mm.put(features.get(j), mean[j]);
            ss.put(features.get(j), sd[j]);
        }
        ArrayNode w = root.putArray("weights");
        for (double v : weights) {
            w.add(v);
        }
        if (points != null) {
            int d = features.size();
            ArrayNode pts = root.putArray("points");
            for (int i = 0; i < weights.length; i++) {
                ArrayNode row = pts.addArray();
                for (int j = 0; j < d; j++) {
                    row.add(points[i * d + j]);
                }
            }
        }
        if (extra != null) {
            root.set("fit", JsonMappers.MAPPER.valueToTree(extra));
        }
        ModelFiles.write(file, JsonMappers.PRETTY.writeValueAsString(root) + "\n");
    }

    /**
     * Refuses, before any work, saving the model of {@code map} refitted on {@code rows} rows of {@code d} inputs
     * when it would hold more than {@link #MAX_NUMBERS} numbers (ntk: a weight and d inputs per row; a random
     * map: m weights).
     */
    public static void requireSavable(String map, long rows, int d) {
        boolean kernel = InputPath.isKernel(map);
        requireSize(kernel ? rows * (d + 1L) : AuditCost.width(map), kernel);
    }

    private static void requireSize(long numbers, boolean kernel) {
        if (numbers > MAX_NUMBERS) {
            throw new IllegalArgumentException("save-model: the model holds " + numbers + " numbers (" + (kernel
                    ? "the kernel's n_train·d training points" : "map weights") + "), more than " + MAX_NUMBERS
                    + "; use fewer rows, fewer --features or a smaller map");
        }
    }

    /** The mapped model in a file, or null when the file is not one (a linear model, or not JSON at all). */
    public static MappedModel readIfMapped(Path file) {
        JsonNode root = ModelFiles.parse(file);
        if (!root.has("format") || !FORMAT.equals(root.get("format").asText())) {
            return null;
        }
        return read(file, root);
    }

    /** Reads a mapped model from its parsed JSON; every problem is one line naming the field. */
    static MappedModel read(Path file, JsonNode root) {
        String map = text(file, root, "map");
        List<String> names = new ArrayList<>();
        JsonNode f = root.get("features");
        if (f == null || !f.isArray() || f.isEmpty()) {
            throw new IllegalArgumentException("model: " + file + ": 'features' must be a non-empty list of column names");
        }
        for (int i = 0; i < f.size(); i++) {
            String c = ModelFields.optionalText(file, "features[" + i + "]", f.get(i));
            if (c == null || names.contains(c)) {
                throw new IllegalArgumentException("model: " + file + ": 'features[" + i + "]' must be a column name"
                        + " (a string) that is not repeated");
            }
            names.add(c);
        }
        JsonNode scaling = root.get("scaling");
        if (scaling == null || !scaling.isObject()) {
            throw new IllegalArgumentException("model: " + file + ": 'scaling' with 'mean' and 'sd' is required");
        }
        double[] mean = ModelFields.requiredByName(file, "scaling.mean", scaling.get("mean"), names, false);
        double[] sd = ModelFields.requiredByName(file, "scaling.sd", scaling.get("sd"), names, true);
        boolean std = scaling.has("standardize") && scaling.get("standardize").asBoolean();
        double[] w = numbers(file, "weights", root.get("weights"));
        double[] pts = null;
        if (InputPath.isKernel(map)) {
            JsonNode p = root.get("points");
            if (p == null || !p.isArray() || p.size() != w.length) {
                throw new IllegalArgumentException("model: " + file + ": 'points' must be a list of " + w.length
                        + " points (one per weight)");
            }
            int d = names.size();
            pts = new double[w.length * d];
            for (int i = 0; i < w.length; i++) {
                double[] row = numbers(file, "points[" + i + "]", p.get(i));
                if (row.length != d) {
                    throw new IllegalArgumentException("model: " + file + ": 'points[" + i + "]' has " + row.length
                            + " entries; allowed: " + d + " (one per feature)");
                }
                System.arraycopy(row, 0, pts, i * d, d);
            }
        }
        long seed = ModelFields.seed(file, root.get("seed"), !InputPath.isKernel(map));
        return new MappedModel(ModelFields.optionalText(file, "target", root.get("target")), names, mean, sd, std, map, seed,
                ModelFields.number(file, "lambda", root.get("lambda")), ModelFields.number(file, "intercept", root.get("intercept")), w, pts);
    }

    private static String text(Path file, JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("model: " + file + ": '" + field + "' must be a string");
        }
        return v.asText();
    }

    private static double[] numbers(Path file, String field, JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException("model: " + file + ": '" + field + "' must be a non-empty list of numbers");
        }
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ModelFields.number(file, field + "[" + i + "]", node.get(i));
        }
        return out;
    }

}
