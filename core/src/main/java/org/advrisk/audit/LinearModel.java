package org.advrisk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advrisk.data.TrainingStatistics;
import org.advrisk.io.JsonMappers;

/**
 * A linear model f(x) = b + Σ_j θ_j x_j on named raw columns, as saved by {@code --save-model} and
 * read by {@code --model}: JSON with {@code target}, {@code intercept}, {@code coefficients}
 * (column name → θ_j in raw units) and optionally {@code scaling} ({@code mean}, {@code sd} by column:
 * the training statistics, which fix the units the attack lives in) and {@code lambda}.
 *
 * @param target       target column name
 * @param features     feature names in order
 * @param coefficients θ in raw units, aligned with features
 * @param intercept    b
 * @param mean         training means (null when not given)
 * @param sd           training standard deviations used for standardisation (null when not given)
 * @param lambda       the λ it was fitted with (NaN when unknown)
 */
public record LinearModel(String target, List<String> features, double[] coefficients, double intercept,
                          double[] mean, double[] sd, double lambda) {
    /** Format tag written into saved models. */
    public static final String FORMAT = "advrisk-linear-model/1";

    /** The model of standardised coefficients θ_z (one λ) fitted on the given statistics, in raw units. */
    public static LinearModel of(String target, TrainingStatistics st, double[] thetaZ, double lambda) {
        int p = st.p();
        double[] theta = new double[p];
        double b = st.yMean();
        for (int j = 0; j < p; j++) {
            theta[j] = thetaZ[j] / st.sd()[j];
            b -= st.mean()[j] * theta[j];
        }
        return new LinearModel(target, st.featureNames(), theta, b, st.mean().clone(),
                st.standardized() ? st.sd().clone() : null, lambda);
    }

    /** Writes the model as JSON. */
    public void write(Path file, Map<String, Object> extra) throws IOException {
        ObjectNode root = JsonMappers.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("target", target);
        root.put("intercept", intercept);
        if (Double.isFinite(lambda)) {
            root.put("lambda", lambda);
        }
        ObjectNode c = root.putObject("coefficients");
        for (int j = 0; j < features.size(); j++) {
            c.put(features.get(j), coefficients[j]);
        }
        if (mean != null) {
            ObjectNode s = root.putObject("scaling");
            s.put("standardize", sd != null);
            ObjectNode mm = s.putObject("mean");
            for (int j = 0; j < features.size(); j++) {
                mm.put(features.get(j), mean[j]);
            }
            if (sd != null) {
                ObjectNode ss = s.putObject("sd");
                for (int j = 0; j < features.size(); j++) {
                    ss.put(features.get(j), sd[j]);
                }
            }
        }
        if (extra != null) {
            root.set("fit", JsonMappers.MAPPER.valueToTree(extra));
        }
        ModelFiles.write(file, JsonMappers.PRETTY.writeValueAsString(root) + "\n");
    }

    /** Reads a model file; every problem is a one-line {@link IllegalArgumentException} naming the field. */
    public static LinearModel read(Path file) {
        JsonNode root = ModelFiles.parse(file);
        if (root.has("format") && !FORMAT.equals(root.get("format").asText())) {
            throw new IllegalArgumentException("model: " + file + ": format " + root.get("format") + " is not a linear model");
        }
        JsonNode coef = root.get("coefficients");
        if (coef == null || !coef.isObject() || coef.isEmpty()) {
            throw new IllegalArgumentException("model: " + file + ": 'coefficients' must be an object column name -> number");
        }
        List<String> names = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = coef.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            names.add(e.getKey());
            vals.add(ModelFields.number(file, "coefficients." + e.getKey(), e.getValue()));
        }
        double b = root.has("intercept") ? ModelFields.number(file, "intercept", root.get("intercept")) : 0.0;
        String target = ModelFields.optionalText(file, "target", root.get("target"));
        double lambda = root.has("lambda") ? ModelFields.number(file, "lambda", root.get("lambda")) : Double.NaN;
        double[] mean = null;
        double[] sd = null;
        JsonNode scaling = root.get("scaling");
        if (scaling != null && scaling.isObject()) {
            mean = ModelFields.byName(file, "scaling.mean", scaling.get("mean"), names, false);
            sd = ModelFields.byName(file, "scaling.sd", scaling.get("sd"), names, true);
        }
        return new LinearModel(target, names, vals.stream().mapToDouble(Double::doubleValue).toArray(), b, mean, sd, lambda);
    }


    /** Coefficients by name. */
    public Map<String, Double> coefficientMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int j = 0; j < features.size(); j++) {
            m.put(features.get(j), coefficients[j]);
        }
        return m;
    }
}
