package org.advrisk.explore;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one request may cost. The theory's cost is counted in eigenvalue-group passes (one pass is
 * one sum over the spectrum's groups of equal eigenvalues: a few per λ for the root κ and the sums);
 * a simulation's in the flops of its Gram matrices (n²·p per training set when every feature is
 * streamed, n²·(n + head) with the exact Wishart tail) and in the random numbers it draws (n·p per
 * training set when streamed).
 */
public final class Limits {
    private Limits() {
    }

    /** Largest n of the theory (the deterministic equivalent costs nothing in n). */
    public static final long MAX_THEORY_N = 10_000_000L;
    /** Largest number of values in tradeoff-lambda. */
    public static final int MAX_LAMBDA_GRID = 400;
    /** Largest number of sample sizes in n-grid. */
    public static final int MAX_N_GRID = 12;
    /** Largest truncation P (explicit eigenvalues before the analytic tail). */
    public static final int MAX_TRUNCATION = 1_000_000;
    /** Largest theory work: groups × (λ values + 2) × (n values + 1). About a second on one core. */
    public static final double MAX_THEORY_WORK = 4e7;

    /** Largest n of a simulation (n×n matrices, an O(n³) eigendecomposition per training set). */
    public static final int MAX_SIM_N = 2000;
    /** Largest number of training sets of a simulation. */
    public static final int MAX_SIM_TRIALS = 200;
    /** Largest λ list of a simulation. */
    public static final int MAX_SIM_LAMBDAS = 60;
    /** Largest total Gram flops of a simulation (trials × n² × streamed width): about a minute on one core. */
    public static final double MAX_SIM_FLOPS = 1e11;
    /** Largest total number of random design entries streamed by a simulation (trials × n × p). */
    public static final double MAX_SIM_DRAWS = 2e9;
    /** Simulations running (or queued) at once; a further request is refused until one ends. */
    public static final int MAX_CONCURRENT_SIMULATIONS = 2;

    /** The limits as a JSON-ready map (GET /api/limits, and the page's help text). */
    public static Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_theory_n", MAX_THEORY_N);
        m.put("max_tradeoff_lambda_values", MAX_LAMBDA_GRID);
        m.put("max_n_grid_values", MAX_N_GRID);
        m.put("max_truncation", MAX_TRUNCATION);
        m.put("max_theory_work", MAX_THEORY_WORK);
        m.put("max_sim_n", MAX_SIM_N);
        m.put("max_sim_trials", MAX_SIM_TRIALS);
        m.put("max_sim_lambda_values", MAX_SIM_LAMBDAS);
        m.put("max_sim_flops", MAX_SIM_FLOPS);
        m.put("max_sim_draws", MAX_SIM_DRAWS);
        m.put("max_concurrent_simulations", MAX_CONCURRENT_SIMULATIONS);
        return m;
    }

    static String sci(double v) {
        return String.format(Locale.ROOT, "%.2g", v);
    }
}
