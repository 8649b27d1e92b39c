package org.advrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.io.JsonMappers;
import org.advrisk.linear.LinearRisks;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;
import org.advrisk.param.Lists;
import org.advrisk.random.Distribution;
import org.advrisk.theory.BenignDiagnosis;
import org.advrisk.theory.DimensionRule;
import org.advrisk.theory.OracleFrontier;
import org.advrisk.theory.TheoryComposer;
import org.advrisk.theory.TheoryRequest;
import org.advrisk.theory.TheoryTables;
import org.advrisk.theory.TradeOff;
import org.advrisk.param.Parameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code advrisk theory}: effective ranks, k*, the benign diagnosis over an n grid, deterministic
 * equivalents of ridge/min-norm and the standard-versus-adversarial trade-off, all computed from
 * formulas (docs/theory.md §2–§6), no sampling.
 */
@Command(name = "theory", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Theory without sampling: effective ranks r_k, R_k, k*; benign diagnosis over an n grid;",
            "deterministic equivalents of ridge and min-norm (risk, norm, adversarial risk); the trade-off over λ.",
            "Risks are excess risks against <x,θ*>; λ is ours (scikit-learn's alpha = nλ)."},
        footer = {"", "Example:",
            "  advrisk theory --spectrum twolevel:spikes=10,spike=1,tail=1 --theta top:k=10,norm=1 --p n^2 \\",
            "      --n-grid 100,400,1600 --lambda 0,0.01,0.1 --alpha 0.25 --attack l2,linf",
            "Sections (--show): ranks (one row per n, with the benign verdict), de (one row per n, λ, attack,",
            "target, α), tradeoff (one row per n, attack, target, α, with the trade-off verdict), frontier,",
            "oracle (the best (R, R_α) of any linear predictor knowing Σ and θ*: one row per n, attack, target, α, μ)."})
public final class TheoryCommand implements Callable<Integer> {
    @Mixin
    ProblemOptions problem;

    @Option(names = "--n-grid", paramLabel = "LIST",
            description = {"Increasing sample sizes for the benign diagnosis and the trade-off across n (overrides --n).",
                "Example: --n-grid 100,400,1600,6400."})
    String nGrid;

    @Option(names = "--b", defaultValue = "1", paramLabel = "B",
            description = "Constant of k* = min{k : r_k >= b n} (BLLT take b > 1). Example: --b 2. Default: ${DEFAULT-VALUE}.")
    double b;

    @Option(names = "--lambda", defaultValue = "0,0.001,0.01,0.1,1", paramLabel = "LIST",
            description = {"Ridge parameters λ >= 0 for the deterministic-equivalent rows: a list and/or",
                "logspace:LO,HI,COUNT. Example: --lambda 0,logspace:-4,0,5. Default: ${DEFAULT-VALUE}."})
    String lambda;

    @Option(names = "--tradeoff-lambda", defaultValue = "0,logspace:-8,1,120", paramLabel = "LIST",
            description = {"λ grid of the trade-off (λ = 0 is added when allowed, dropped when p has too few",
                "positive eigenvalues). Example: --tradeoff-lambda logspace:-6,1,50. Default: ${DEFAULT-VALUE}."})
    String tradeoffLambda;

    @Mixin
    QueryOptions query;

    @Mixin
    ThreatOptions threat;

    @Option(names = "--truncation", defaultValue = "1000000", paramLabel = "P",
            description = {"Explicit eigenvalues P before the analytic tail (powerlaw/geometric with p > P or p = inf).",
                "Example: --truncation 200000. Default: ${DEFAULT-VALUE}."})
    int truncation;

    @Option(names = "--show", defaultValue = "ranks,de,tradeoff", paramLabel = "LIST",
            description = {"Sections to print: ranks, de, tradeoff, frontier, oracle (one section gives plain CSV).",
                "Example: --show de. Default: ${DEFAULT-VALUE}."})
    String show;

    @Option(names = "--oracle-mu", defaultValue = "auto", paramLabel = "LIST",
            description = {"μ grid of the oracle frontier θ(μ) = argmin ||θ − θ*||²_Σ + μ pen(θ): auto (0, a log grid",
                "spanning the support's eigenvalues, and the μ where θ = 0) or a list of μ >= 0 (inf: θ = 0).",
                "Example: --oracle-mu 0,logspace:-4,2,60. Default: ${DEFAULT-VALUE}."})
    String oracleMu;

    @Mixin
    FormatOption output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        OutputFormat fmt = output.parse();
        if (!(b > 0) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("b: " + b + " must be finite and > 0 (k* = min{k : r_k >= b n})");
        }
        List<String> sections = sections();
        long[] ns = sampleSizes();
        SpectrumSpec spectrumSpec = problem.spectrumSpec();
        GroundTruthSpec thetaSpec = GroundTruthSpec.parse(problem.truth.theta);
        DimensionRule rule = problem.dimensionRule();
        Distribution noise = Distribution.parse("noise", problem.sample.noise);
        Distribution.parse("design", problem.design);
        double sigma = problem.sample.sigma;
        org.advrisk.param.Parameters.SIGMA.check(sigma);
        double[] lambdas = Parameters.LAMBDA.parseList(lambda);
        double[] grid = org.advrisk.param.NumberParam.nonNegative("tradeoff-lambda").parseList(tradeoffLambda);
        double[] alphas = query.alphas();
        List<AttackNorm> attacks = query.attacks();
        for (AttackNorm at : attacks) {
            if (!org.advrisk.model.AttackNorms.of(at).deterministicEquivalent()) {
                throw new IllegalArgumentException("attack: " + at.label()
                        + " has no deterministic equivalent; allowed: l2, linf");
            }
        }
        List<Target> targets = query.targets();
        List<org.advrisk.linear.ThreatModel> threats = threat.threats();
        boolean shaped = threat.checkForTheory(attacks, sections);
        if (truncation < 1) {
            throw new IllegalArgumentException("truncation: " + truncation + " must be >= 1");
        }
        double[] oracleGrid = oracleGrid(sections);
        org.advrisk.linalg.MemoryBudget.require("truncation", truncation,
                org.advrisk.linalg.MemoryBudget::theory, "arrays of the explicit eigenvalues");

        TheoryTables t = TheoryComposer.compose(new TheoryRequest(spectrumSpec, thetaSpec, rule, sigma, noise,
                problem.seed(), truncation, b, ns, lambdas, grid, alphas, attacks, targets, oracleGrid, sections, threats,
                shaped));
        String label = t.label();
        List<Map<String, Object>> rankRows = t.ranks();
        BenignDiagnosis diagnosis = t.diagnosis();
        List<Map<String, Object>> deRows = t.de();
        List<Map<String, Object>> tradeRows = t.tradeoff();
        Map<String, String> tradeVerdicts = t.tradeVerdicts();
        List<Map<String, Object>> frontierRows = t.frontier();
        List<Map<String, Object>> oracleRows = t.oracle();
        if (t.maxTailRatio() > 0.01) {
            spec.commandLine().getErr().printf(Locale.ROOT, "advrisk: warning: the tail approximation has "
                    + "lambda_{P+1}/kappa = %.3g > 0.01; increase --truncation%n", t.maxTailRatio());
        }

        PrintWriter out = spec.commandLine().getOut();
        String head = String.format(Locale.ROOT, "%s; theta=%s; sigma=%s; b=%s (k* = min{k : r_k >= b n})", label,
                thetaSpec.text(), sigma, b);
        if (fmt == OutputFormat.JSON) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("spectrum", label);
            doc.put("theta", thetaSpec.text());
            doc.put("sigma", sigma);
            doc.put("b", b);
            doc.put("truncation", truncation);
            if (sections.contains("ranks")) {
                doc.put("ranks", rankRows);
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("verdict", diagnosis.verdict().label());
                d.put("reason", diagnosis.reason());
                d.put("rule", BenignDiagnosis.RULE);
                doc.put("diagnosis", d);
            }
            if (sections.contains("de")) {
                doc.put("de", deRows);
                doc.put("de_note", "linf rows use the folded-normal ||theta||_1: empirical, no proof");
            }
            if (sections.contains("tradeoff")) {
                doc.put("tradeoff", tradeRows);
                doc.put("tradeoff_verdict", tradeVerdicts);
                doc.put("tradeoff_rule", TradeOff.VERDICT_RULE);
            }
            if (sections.contains("frontier")) {
                doc.put("frontier", frontierRows);
            }
            if (sections.contains("oracle")) {
                doc.put("oracle", oracleRows);
                doc.put("oracle_note", ORACLE_NOTE);
            }
            writeJson(doc, out);
            return 0;
        }
        boolean comments = sections.size() > 1 || fmt == OutputFormat.TABLE;
        if (comments) {
            out.println("# " + head);
        }
        if (sections.contains("ranks")) {
            section(comments, out, "effective ranks (BLLT 2020; P = explicit eigenvalues before the analytic tail, 0 = exact)");
            fmt.write(rankRows, out);
            if (comments) {
                out.println("# benign: " + diagnosis.verdict().label() + " -- " + diagnosis.reason());
                out.println("# rule: " + BenignDiagnosis.RULE);
            }
        }
        if (sections.contains("de")) {
            section(comments, out, "deterministic equivalents (docs/theory.md §4; linf: empirical folded-normal, no proof)");
            fmt.write(deRows, out);
        }
        if (sections.contains("tradeoff")) {
            section(comments, out, "trade-off over " + grid.length + " lambda values (+0 when allowed): "
                    + "A = adv(lambda_std)/min adv, S = std(lambda_adv)/min std");
            fmt.write(tradeRows, out);
            if (comments) {
                tradeVerdicts.forEach((k, v) -> out.println("# trade-off " + k + ": " + v));
                out.println("# rule: " + TradeOff.VERDICT_RULE);
            }
        }
        if (sections.contains("frontier")) {
            section(comments, out, "Pareto frontier (std_risk, adv_risk) over the trade-off grid");
            fmt.write(frontierRows, out);
        }
        if (sections.contains("oracle")) {
            section(comments, out, ORACLE_NOTE);
            fmt.write(oracleRows, out);
        }
        out.flush();
        return 0;
    }

    private static final String ORACLE_NOTE = "oracle frontier: theta(mu) = argmin ||theta - theta*||^2_Sigma + mu"
            + " pen(theta) (l2: pen = ||theta||_2^2, population ridge; linf: pen = ||theta||_1, soft thresholding);"
            + " mu = 0 is theta*, inf is theta = 0; pareto marks the non-dominated points (consistent target: only"
            + " theta* itself)";

    private static void section(boolean comments, PrintWriter out, String title) {
        if (comments) {
            out.println("# " + title);
        }
    }

    private List<String> sections() {
        List<String> s = new ArrayList<>();
        for (String w : Lists.words("show", show)) {
            String t = w.toLowerCase(Locale.ROOT);
            if (!List.of("ranks", "de", "tradeoff", "frontier", "oracle").contains(t)) {
                throw new IllegalArgumentException("show: unknown section '" + w
                        + "'; allowed: ranks, de, tradeoff, frontier, oracle");
            }
            s.add(t);
        }
        return s;
    }

    /** The user's μ grid, null for auto; with the oracle section, a non-Gaussian design is refused. */
    private double[] oracleGrid(List<String> sections) {
        if (!sections.contains("oracle")) {
            return null;
        }
        OracleFrontier.checkDesign(Distribution.parse("design", problem.design));
        if ("auto".equalsIgnoreCase(oracleMu.trim())) {
            return null;
        }
        List<String> finite = new ArrayList<>();
        boolean inf = false;
        for (String t : oracleMu.split(",")) {
            if (t.trim().equalsIgnoreCase("inf")) {
                inf = true;
            } else {
                finite.add(t);
            }
        }
        double[] v = finite.isEmpty() ? new double[0] : org.advrisk.param.NumberParam.nonNegative("oracle-mu").parseList(String.join(",", finite));
        if (!inf) {
            return v;
        }
        double[] out = java.util.Arrays.copyOf(v, v.length + 1);
        out[v.length] = Double.POSITIVE_INFINITY;
        return out;
    }

    private long[] sampleSizes() {
        if (nGrid == null) {
            problem.checkN();
            return new long[] {problem.n()};
        }
        // parsed without a lower bound so that a bad value gets the rule of sample sizes, not ">= 0"
        double[] v = new org.advrisk.param.NumberParam("n-grid", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                "", "n-grid").parseList(nGrid);
        long[] ns = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 1 || v[i] != Math.rint(v[i]) || v[i] > Integer.MAX_VALUE) {
                String shown = v[i] == Math.rint(v[i]) && Math.abs(v[i]) < 1e15 ? Long.toString((long) v[i]) : Double.toString(v[i]);
                throw new IllegalArgumentException("n-grid: " + shown + " must be an integer sample size between 1 and "
                        + Integer.MAX_VALUE);
            }
            ns[i] = (long) v[i];
            if (i > 0 && ns[i] <= ns[i - 1]) {
                throw new IllegalArgumentException("n-grid: sample sizes must increase, got " + ns[i - 1] + " then " + ns[i]);
            }
        }
        return ns;
    }

    private static void writeJson(Map<String, Object> doc, PrintWriter out) {
        try {
            out.println(JsonMappers.PRETTY.writeValueAsString(sanitize(doc)));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON has no NaN/Infinity: such values become null. */
    @SuppressWarnings("unchecked")
    private static Object sanitize(Object v) {
        if (v instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> c.put(k, sanitize(x)));
            return c;
        }
        if (v instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            for (Object x : l) {
                c.add(sanitize(x));
            }
            return c;
        }
        return v;
    }
}
