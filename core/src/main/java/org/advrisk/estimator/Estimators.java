package org.advrisk.estimator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.advrisk.columns.Column;
import org.advrisk.columns.Columns;
import org.advrisk.param.Choices;

/**
 * The registry of estimators: the built-ins (ridge, advtrain, gf, gd, in this order) and every
 * {@link EstimatorKind} a {@code META-INF/services/org.advrisk.estimator.EstimatorKind} file on the class
 * path names ({@link ServiceLoader}). Front doors ask it which names are allowed, what a name means and
 * which parameters and columns it brings; a plug-in's columns are registered in
 * {@link Columns#extend}. Loading it installs its names as the values of the declared estimator choice
 * ({@link Choices#estimatorNames}). Only {@link SpectralEstimator} plug-ins can be run today (their rows need
 * nothing else).
 */
public final class Estimators {
    /** Ridge regression (λ path). */
    public static final SpectralEstimator RIDGE = BuiltInEstimators.RIDGE;
    /** Adversarial training (δ path). */
    public static final EstimatorKind ADVTRAIN = BuiltInEstimators.ADVTRAIN;
    /** Gradient flow (time path). */
    public static final SpectralEstimator GF = BuiltInEstimators.GF;
    /** Gradient descent (steps path, step η). */
    public static final SpectralEstimator GD = BuiltInEstimators.GD;

    private static final List<EstimatorKind> BUILT_IN = List.of(RIDGE, ADVTRAIN, GF, GD);
    private static final Map<String, EstimatorKind> ALL = load();

    static {
        // the declaration of the estimator choice (param.Choices.ESTIMATOR) reads its names here
        Choices.estimatorNames(Estimators::names);
    }

    private Estimators() {
    }

    private static Map<String, EstimatorKind> load() {
        Map<String, EstimatorKind> m = new LinkedHashMap<>();
        BUILT_IN.forEach(k -> m.put(k.name(), k));
        List<String> taken = new ArrayList<>(List.of("lambda", "delta", "time", "steps", "eta", "train_attack",
                "train-attack", "alpha", "attack", "target", "n", "p", "seed", "trials", "sigma"));
        for (EstimatorKind k : ServiceLoader.load(EstimatorKind.class, Estimators.class.getClassLoader())) {
            if (!k.name().matches("[a-z][a-z0-9_]*") || m.containsKey(k.name())) {
                throw new IllegalStateException("estimator plug-in " + k.getClass().getName() + ": name '" + k.name()
                        + "' is taken or not lower-case letters, digits and _");
            }
            if (!(k instanceof SpectralEstimator)) {
                throw new IllegalStateException("estimator plug-in " + k.name() + ": only spectral estimators"
                        + " (SpectralEstimator) can be added today");
            }
            if (taken.contains(k.parameter().name())) {
                throw new IllegalStateException("estimator plug-in " + k.name() + ": parameter name '"
                        + k.parameter().name() + "' is taken");
            }
            taken.add(k.parameter().name());
            k.columns().forEach(Columns::extend);
            m.put(k.name(), k);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Every estimator, built-ins first. */
    public static List<EstimatorKind> all() {
        return List.copyOf(ALL.values());
    }

    /** The estimators added through {@link ServiceLoader} (none in a plain installation). */
    public static List<SpectralEstimator> plugins() {
        return ALL.values().stream().filter(k -> !BUILT_IN.contains(k)).map(k -> (SpectralEstimator) k).toList();
    }

    /** True when {@code name} is a plug-in estimator's. */
    public static boolean isPlugin(String name) {
        EstimatorKind k = ALL.get(name);
        return k != null && !BUILT_IN.contains(k);
    }

    /** The estimator of that name, if any. */
    public static Optional<EstimatorKind> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    /** Every estimator's name, built-ins first (the values of {@link Choices#ESTIMATOR}). */
    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /** The allowed names for messages: {@code ridge, advtrain, gf, gd} and the plug-ins'. */
    public static String allowed() {
        return String.join(", ", ALL.keySet());
    }

    /** The plug-ins' extra columns, in registry order (empty without plug-ins). */
    public static List<Column> pluginColumns(List<SpectralEstimator> kinds) {
        List<Column> out = new ArrayList<>();
        for (SpectralEstimator k : kinds) {
            for (Column c : k.columns()) {
                if (!out.contains(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }
}
