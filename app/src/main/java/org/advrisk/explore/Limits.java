package org.advrisk.explore;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one request may cost. The theory's cost is counted in eigenvalue-group passes (one pass is
 * one sum over the spectrum's groups of equal eigenvalues: a few per λ for the root κ and the sums);
 * a simulation's in the flops of its Gram matrices (n²·p per training set when every feature is
 * streamed, n²·(n + head) with the exact Wishart tail) and in the random numbers it draws (n·p per
 * training set when streamed), including the test sample a non-Gaussian design draws (test-size × p
 * per training set, and test-size × p × λ values flops for its predictions). The request limits bound
 * what one client can hold: body size and deadline, idle timeout, requests in flight.
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
    /**
     * Largest priced flops of a kernel simulation ({@link NtkSimulation#trialFlops}: Gram, eigendecomposition,
     * PGD on the test points): one to two minutes on one core (measured: one λ at n = 200, d = 4000, 200 test
     * points is priced 1.9e10 and took 2.9 s; the panel's default, n = 60, 4 λ, 3 trials, 7.0e10 in 18 s).
     */
    public static final double MAX_NTK_SIM_FLOPS = 4e11;
    /** Largest total number of random design entries streamed by a simulation (trials × n × p). */
    public static final double MAX_SIM_DRAWS = 2e9;
    /** Simulations running (or queued) at once; a further request is refused until one ends. */
    public static final int MAX_CONCURRENT_SIMULATIONS = 2;

    /** Largest POST body (a JSON object of parameters). */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    /** A request body must be complete this long after the request began; later reads fail (408). */
    public static final long BODY_DEADLINE_MS = 10_000;
    /** A connection with no traffic for this long is closed; a blocked read or write fails after it. */
    public static final long IDLE_TIMEOUT_MS = 10_000;
    /** Requests in flight at once from one client address (all of the page's requests share it). */
    public static final int MAX_REQUESTS_PER_CLIENT = 8;
    /** Of them, requests with a body (POST) in flight at once from one client address. */
    public static final int MAX_BODIES_PER_CLIENT = 4;
    /**
     * A simulation stops at the first training-set boundary after this long (state "failed" with a
     * message; the finished training sets are kept). One training set is bounded by the flop and draw
     * limits, so the work ends at most one training set after the deadline.
     */
    public static final long SIM_DEADLINE_MS = 10 * 60_000;

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
        m.put("max_ntk_sim_flops", MAX_NTK_SIM_FLOPS);
        m.put("max_concurrent_simulations", MAX_CONCURRENT_SIMULATIONS);
        m.put("max_body_bytes", MAX_BODY_BYTES);
        m.put("body_deadline_ms", BODY_DEADLINE_MS);
        m.put("idle_timeout_ms", IDLE_TIMEOUT_MS);
        m.put("max_requests_per_client", MAX_REQUESTS_PER_CLIENT);
        m.put("max_bodies_per_client", MAX_BODIES_PER_CLIENT);
        m.put("sim_deadline_ms", SIM_DEADLINE_MS);
        return m;
    }

    static String sci(double v) {
        return String.format(Locale.ROOT, "%.2g", v);
    }
}
