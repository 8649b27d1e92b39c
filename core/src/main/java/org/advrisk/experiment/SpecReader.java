package org.advrisk.experiment;

import org.advrisk.param.Choice;
import org.advrisk.param.Choices;
import org.advrisk.param.NumberParam;
import org.advrisk.param.Parameters;
import org.advrisk.random.Distribution;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;

/**
 * Reads a {@link Spec} from a JSON/YAML tree. Unknown fields, wrong types and bad grids are refused
 * with the field path, the bad value and what is allowed.
 */
public final class SpecReader {
    /** Every field with what it allows and its default (also the README's table). */
    public static final Map<String, String> FIELDS = SpecFields.table();

    private SpecReader() {
    }

    /** The declared default of a numeric parameter as a list. */
    private static List<Double> defaults(NumberParam param) {
        return java.util.Arrays.stream(param.defaults()).boxed().toList();
    }

    /** Reads a spec; {@code defaultName} is used when the tree has no name. */
    public static Spec read(JsonNode root, String defaultName) {
        return read(root, defaultName, null);
    }

    /**
     * Reads a spec whose relative {@code file:} paths (spectrum, theta) are relative to {@code baseDir}
     * (the spec file's folder; {@code null}: the working directory). They are stored absolute.
     */
    public static Spec read(JsonNode root, String defaultName, java.nio.file.Path baseDir) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new IllegalArgumentException("spec: empty; a spec is a mapping with fields " + String.join(", ", FIELDS.keySet()));
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("spec: expected a mapping of fields, got " + kind(root)
                    + "; allowed fields: " + String.join(", ", FIELDS.keySet()));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.containsKey(f)) {
                throw new IllegalArgumentException(f + ": unknown field; allowed: " + String.join(", ", FIELDS.keySet()));
            }
        }
        String name = root.has("name") ? Grids.scalarText("name", root.get("name"), "text") : defaultName;
        Family family = root.has("family")
                ? Family.parse("family", Grids.scalarText("family", root.get("family"), Family.ALLOWED)) : Family.LINEAR;
        long seed = root.has("seed") ? integer("seed", root.get("seed"), Parameters.SEED.min(), Parameters.SEED.max())
                : Parameters.SEED.defaultValue();
        int trials = root.has("trials") ? (int) integer("trials", root.get("trials"), Parameters.TRIALS.min(),
                Parameters.TRIALS.max()) : (int) Parameters.TRIALS.defaultValue();
        List<Integer> n = Grids.integers("n", required(root, "n"), v -> v >= 1, Spec.ALLOWED_N);
        List<SizeRule> p = sizes(required(root, "p"));
        List<Double> sigma = root.has("sigma")
                ? Grids.numbers("sigma", root.get("sigma"), Parameters.SIGMA) : defaults(Parameters.SIGMA);
        List<String> spectrum = checked("spectrum", resolve(Grids.strings("spectrum", required(root, "spectrum"),
                        SpectrumSpec.KINDS), baseDir),
                t -> SpectrumSpec.parse(SizeRule.substitute(t, n.get(0))));
        List<String> theta = root.has("theta") ? checked("theta", resolve(Grids.strings("theta", root.get("theta"),
                GroundTruthSpec.KINDS), baseDir), t -> GroundTruthSpec.parse(SizeRule.substitute(t, n.get(0))))
                : List.of("top:k=1,norm=1");
        List<String> design = root.has("design") ? choice("design", root.get("design"), Choices.DESIGN,
                v -> Distribution.parse("design", v)) : List.of(Choices.DESIGN.defaultText());
        List<String> noise = root.has("noise") ? choice("noise", root.get("noise"), Choices.NOISE,
                v -> Distribution.parse("noise", v)) : List.of(Choices.NOISE.defaultText());
        List<Double> lambda = root.has("lambda")
                ? Grids.numbers("lambda", root.get("lambda"), Parameters.LAMBDA) : defaults(Parameters.LAMBDA);
        List<Double> alpha = root.has("alpha")
                ? Grids.numbers("alpha", root.get("alpha"), Parameters.ALPHA) : defaults(Parameters.ALPHA);
        List<String> attack = root.has("attack") ? checked("attack", Grids.strings("attack", root.get("attack"),
                AttackNorm.ALLOWED), t -> AttackNorm.parse(t).label()) : List.of("l2");
        List<String> target = root.has("target") ? choice("target", root.get("target"), Choices.TARGET, Target::parse)
                .stream().map(t -> Target.parse(t).label()).toList() : List.of(Choices.TARGET.defaultText());
        boolean theory = true;
        if (root.has("theory")) {
            JsonNode t = root.get("theory");
            if (!t.isBoolean()) {
                throw new IllegalArgumentException("theory: " + describe(t) + " is not a boolean; allowed: true, false");
            }
            theory = t.booleanValue();
        }
        List<Integer> width = root.has("width") ? widths(root.get("width")) : List.of(0);
        return new Spec(name, family, seed, trials, n, p, sigma, spectrum, theta, design, noise, lambda, alpha,
                attack, target, theory, width, estimators(root), activation(root), threats(root));
    }

    /** attack_scale (numbers in [0, 2] or a grid) × label_preserving (a boolean or a list of them). */
    private static List<org.advrisk.linear.ThreatModel> threats(JsonNode root) {
        NumberParam g = Parameters.ATTACK_SCALE;
        List<Double> scales = root.has("attack_scale") ? Grids.numbers("attack_scale", root.get("attack_scale"),
                v -> Double.isFinite(v) && v >= g.min() && v <= g.max(), g.allowed()) : List.of(0.0);
        List<Boolean> lp = new ArrayList<>();
        if (root.has("label_preserving")) {
            JsonNode node = root.get("label_preserving");
            int size = node.isArray() ? node.size() : 1;
            for (int i = 0; i < size; i++) {
                JsonNode b = node.isArray() ? node.get(i) : node;
                if (!b.isBoolean()) {
                    throw new IllegalArgumentException((node.isArray() ? "label_preserving[" + i + "]" : "label_preserving")
                            + ": " + describe(b) + " is not a boolean; allowed: true, false or a list of them");
                }
                lp.add(b.booleanValue());
            }
        }
        if (lp.isEmpty()) {
            lp.add(false);
        }
        return org.advrisk.linear.ThreatModel.grid(scales.stream().mapToDouble(Double::doubleValue).toArray(), lp);
    }

    /** activation: one name (family ntk). */
    private static String activation(JsonNode root) {
        if (!root.has("activation")) {
            return Spec.DEFAULT_ACTIVATION;
        }
        JsonNode a = root.get("activation");
        if (!a.isTextual()) {
            throw new IllegalArgumentException("activation: " + describe(a) + " is not a name; allowed: "
                    + org.advrisk.kernel.Activation.ALLOWED);
        }
        return a.textValue();
    }

    /** estimator, delta, train_attack: values are checked before their consistency (a bad δ is named first). */
    private static SpecEstimators estimators(JsonNode root) {
        List<Double> delta = root.has("delta") ? Grids.numbers("delta", root.get("delta"), Parameters.DELTA) : List.of();
        List<String> trainAttack = root.has("train_attack") ? lower(Grids.strings("train_attack",
                root.get("train_attack"), SpecEstimators.ALLOWED_TRAIN_ATTACK)) : List.of();
        List<String> estimator = root.has("estimator") ? lower(Grids.strings("estimator", root.get("estimator"),
                SpecEstimators.ALLOWED)) : List.of("ridge");
        List<Double> time = root.has("time") ? times(root.get("time")) : List.of();
        if (root.has("eta") && root.get("eta").isArray()) {
            throw new IllegalArgumentException("eta: a list is not allowed; allowed: one step size η > 0");
        }
        Double eta = root.has("eta") ? Grids.numbers("eta", root.get("eta"), org.advrisk.linear.FlowParams.ETA).get(0) : null;
        List<Double> steps = root.has("steps") ? Grids.integers("steps", root.get("steps"), v -> v >= 0,
                "integers >= 0").stream().map(Integer::doubleValue).toList() : List.of();
        Map<String, List<Double>> plugins = new java.util.LinkedHashMap<>();
        for (org.advrisk.estimator.SpectralEstimator k : org.advrisk.estimator.Estimators.plugins()) {
            var param = k.parameter().param();
            if (root.has(param.name())) {
                plugins.put(param.name(), Grids.numbers(param.name(), root.get(param.name()),
                        v -> Double.isFinite(v) && v >= param.min() && v <= param.max()
                                && !(param.exclusiveMin() && v == param.min()), param.allowed()));
            }
        }
        return new SpecEstimators(estimator, delta, trainAttack, time, eta, steps, plugins);
    }

    /** gf's times: numbers >= 0, {@code inf} (or YAML's .inf), grids; in order. */
    private static List<Double> times(JsonNode node) {
        List<Double> out = new ArrayList<>();
        int size = node.isArray() ? node.size() : 1;
        if (node.isArray() && size == 0) {
            throw new IllegalArgumentException("time: empty list; allowed: " + org.advrisk.linear.FlowParams.ALLOWED_TIME);
        }
        for (int i = 0; i < size; i++) {
            JsonNode item = node.isArray() ? node.get(i) : node;
            String path = node.isArray() ? "time[" + i + "]" : "time";
            boolean inf = item.isTextual() && List.of("inf", ".inf", "infinity").contains(item.asText().trim().toLowerCase(
                    java.util.Locale.ROOT)) || item.isNumber() && item.doubleValue() == Double.POSITIVE_INFINITY;
            if (inf) {
                out.add(Double.POSITIVE_INFINITY);
            } else {
                out.addAll(Grids.numbers(path, item, v -> Double.isFinite(v) && v >= 0,
                        org.advrisk.linear.FlowParams.ALLOWED_TIME));
            }
        }
        if (out.stream().distinct().count() != out.size()) {
            throw new IllegalArgumentException("time: a value appears twice; allowed: distinct values");
        }
        return out;
    }

    /** {@code file:REL} becomes {@code file:BASE/REL} (absolute, normalised); other values are kept. */
    static List<String> resolve(List<String> values, java.nio.file.Path baseDir) {
        if (baseDir == null) {
            return values;
        }
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            String t = v.trim();
            if (t.regionMatches(true, 0, "file:", 0, 5) && t.length() > 5) {
                String rest = t.substring(5).trim();
                try {
                    java.nio.file.Path path = java.nio.file.Path.of(rest);
                    if (!path.isAbsolute()) {
                        t = "file:" + baseDir.toAbsolutePath().resolve(path).normalize();
                    }
                } catch (java.nio.file.InvalidPathException e) {
                    // the spectrum parser reports it
                }
            }
            out.add(t.equals(v.trim()) ? v : t);
        }
        return out;
    }

    /** width: inf | M, or a list of them (0 stands for inf). */
    private static List<Integer> widths(JsonNode node) {
        List<Integer> out = new ArrayList<>();
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw new IllegalArgumentException("width: empty list; give at least one value");
            }
            for (int i = 0; i < node.size(); i++) {
                out.add(width("width[" + i + "]", node.get(i)));
            }
        } else {
            out.add(width("width", node));
        }
        return out;
    }

    private static int width(String path, JsonNode node) {
        if (node.isTextual() && node.asText().trim().equalsIgnoreCase("inf")) {
            return 0;
        }
        long v;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            v = node.longValue();
        } else if (node.isTextual() && node.asText().trim().matches("[0-9]{1,9}")) {
            v = Long.parseLong(node.asText().trim());
        } else {
            throw new IllegalArgumentException(path + ": " + describe(node) + " is not a width; allowed: "
                    + Spec.ALLOWED_WIDTH);
        }
        if (v < 2 || v > 1_000_000 || v % 2 != 0) {
            throw new IllegalArgumentException(path + ": " + v + " is not allowed; allowed: " + Spec.ALLOWED_WIDTH);
        }
        return (int) v;
    }

    private static JsonNode required(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(field + ": missing; required (" + FIELDS.get(field) + ")");
        }
        return v;
    }

    private static long integer(String path, JsonNode node, long min, long max) {
        String allowed = "an integer from " + min + " to " + max;
        if (min == Long.MIN_VALUE) {
            allowed = "an integer";
        }
        if (!(node.isIntegralNumber() && node.canConvertToLong())) {
            if (node.isTextual()) {
                try {
                    long v = Long.parseLong(node.asText().trim());
                    return checkRange(path, v, min, max, allowed);
                } catch (NumberFormatException e) {
                    // fall through to the message
                }
            }
            throw new IllegalArgumentException(path + ": " + describe(node) + " is not an integer; allowed: " + allowed);
        }
        return checkRange(path, node.longValue(), min, max, allowed);
    }

    private static long checkRange(String path, long v, long min, long max, String allowed) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(path + ": " + v + " is not allowed; allowed: " + allowed);
        }
        return v;
    }

    private static List<SizeRule> sizes(JsonNode node) {
        List<SizeRule> out = new ArrayList<>();
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw new IllegalArgumentException("p: empty list; give at least one value");
            }
            for (int i = 0; i < node.size(); i++) {
                out.addAll(sizeItem("p[" + i + "]", node.get(i)));
            }
        } else {
            out.addAll(sizeItem("p", node));
        }
        for (int i = 0; i < out.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (out.get(i).equals(out.get(j))) {
                    throw new IllegalArgumentException("p: value " + out.get(i).text() + " appears twice; a grid lists each value once");
                }
            }
        }
        return out;
    }

    /**
     * One element of p: a number, an expression of n, or a range ({@code geomspace:100,10000,5}: its values
     * rounded to integers, each checked against {@link Parameters#P}).
     */
    private static List<SizeRule> sizeItem(String path, JsonNode node) {
        if (node.isTextual() && node.asText().contains(":")) {
            List<SizeRule> out = new ArrayList<>();
            for (double v : Grids.expand(path, node.asText())) {
                double r = Math.rint(v);
                if (!(r >= Parameters.P.min() && r <= Parameters.P.max())) {
                    throw new IllegalArgumentException(path + ": " + Grids.fmt(v) + " (from '" + node.asText()
                            + "') is not allowed; allowed: " + SizeRule.ALLOWED);
                }
                out.add(SizeRule.parse(path, Long.toString((long) r)));
            }
            return out;
        }
        return List.of(size(path, node));
    }

    private static SizeRule size(String path, JsonNode node) {
        if (node.isNumber() || node.isTextual()) {
            return SizeRule.parse(path, node.asText());
        }
        throw new IllegalArgumentException(path + ": " + describe(node) + " is not a size; allowed: " + SizeRule.ALLOWED);
    }

    private interface Parser {
        Object parse(String text);
    }

    private static List<String> checked(String field, List<String> values, Parser parser) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String path = values.size() == 1 ? field : field + "[" + i + "]";
            try {
                Object parsed = parser.parse(values.get(i));
                out.add(parsed instanceof String s ? s : values.get(i).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ": '" + values.get(i) + "' is not allowed: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * A declared choice: each value is read by {@code parser} (aliases such as normal allowed) and kept in
     * lower case; a refusal is the declaration's message naming the field path.
     */
    private static List<String> choice(String field, JsonNode node, Choice c, java.util.function.Consumer<String> parser) {
        List<String> values = Grids.strings(field, node, c.allowed());
        for (int i = 0; i < values.size(); i++) {
            String path = values.size() == 1 ? field : field + "[" + i + "]";
            try {
                parser.accept(values.get(i));
            } catch (IllegalArgumentException e) {
                c.parse(path, values.get(i));
                throw e;
            }
        }
        return lower(values);
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(s -> s.trim().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "'" + node.asText() + "'";
        }
        return node.isContainerNode() ? kind(node) : node.asText();
    }

    private static String kind(JsonNode node) {
        return node.isArray() ? "a list" : node.isObject() ? "a mapping" : node.isTextual() ? "text '" + node.asText() + "'"
                : node.asText();
    }
}
