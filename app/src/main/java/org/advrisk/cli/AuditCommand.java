package org.advrisk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.advrisk.audit.AlphaScale;
import org.advrisk.audit.Audit;
import org.advrisk.audit.AuditOptions;
import org.advrisk.audit.AuditResult;
import org.advrisk.audit.AuditRow;
import org.advrisk.audit.AuditSummary;
import org.advrisk.audit.Budgets;
import org.advrisk.audit.LinearModel;
import org.advrisk.audit.TableRidgePath;
import org.advrisk.data.ColumnSpec;
import org.advrisk.data.CsvSource;
import org.advrisk.data.CsvTable;
import org.advrisk.data.Dataset;
import org.advrisk.data.GramAccumulator;
import org.advrisk.data.MemoryTable;
import org.advrisk.data.MissingPolicy;
import org.advrisk.data.Rows;
import org.advrisk.data.Split;
import org.advrisk.data.Splits;
import org.advrisk.data.TrainingStatistics;
import org.advrisk.linear.AttackNorm;
import org.advrisk.report.AuditReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code advrisk audit}: a user's table (or a shipped data set) through the ridge path, with the
 * certified worst-case test MSE (|f(x) − y| + α‖Dθ̂‖_q)² of every (split, λ, attack, α) and a
 * summary per (attack, α); or a saved/external linear model audited without refitting.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"How fragile is a linear model fitted on your data, and which ridge λ to pick.",
            "Fits ridge (intercept unpenalised, centred and by default standardised with training statistics) for",
            "every λ from one eigendecomposition and reports the exact (certified) adversarial test MSE."},
        footer = {"", "Examples:",
            "  advrisk audit --dataset gasoline --lambda 0,logspace:-6,1,15 --alpha 0.01,0.05 --attack l2,linf",
            "  advrisk audit data.csv --target price --drop id --cv 5 --budget budgets.csv --out runs/price",
            "  advrisk audit --model model.json --target price new.csv   # audit a model trained elsewhere"})
public final class AuditCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "CSV/TSV table with a header (optionally .gz).")
    Path file;

    @Option(names = "--dataset", paramLabel = "NAME", description = "A shipped data set instead of FILE: " + Dataset.ALLOWED + ".")
    String dataset;

    @Option(names = "--target", paramLabel = "COL", description = "Target column (required for FILE; a data set has its own).")
    String target;

    @Option(names = "--features", paramLabel = "COL,...", description = "Feature columns (default: every other numeric column).")
    String features;

    @Option(names = "--drop", paramLabel = "COL,...", description = "Columns to leave out.")
    String drop;

    @Option(names = "--missing", defaultValue = "refuse", paramLabel = "MODE",
            description = "Rows with missing cells (empty, NA, NaN, null, ?): refuse | drop. Default: ${DEFAULT-VALUE}.")
    String missing;

    @Option(names = "--test", paramLabel = "FILE", description = "A separate test table with the same columns.")
    Path testFile;

    @Option(names = "--test-fraction", paramLabel = "F", description = "Random test part of each split, 0 < F < 1 (default 0.25).")
    Double testFraction;

    @Option(names = "--split-seed", defaultValue = "0", paramLabel = "S", description = "Seed of the random splits. Default: ${DEFAULT-VALUE}.")
    long splitSeed;

    @Option(names = "--repeats", defaultValue = "1", paramLabel = "R", description = "Random splits (mean over them in the summary). Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Option(names = "--cv", paramLabel = "K", description = "K-fold cross-validation instead of random splits.")
    Integer cv;

    @Option(names = "--standardize", defaultValue = "on", paramLabel = "on|off",
            description = {"z-score every feature with the training mean and sd (ddof 0); the attack then lives in",
                "standardised units (feature j moves by α·sd_j). Default: ${DEFAULT-VALUE}."})
    String standardize;

    @Option(names = "--drop-constant", description = "Drop constant training columns (default: refuse them).")
    boolean dropConstant;

    @Option(names = "--lambda", defaultValue = "0,logspace:-6,2,33", paramLabel = "LIST",
            description = {"Ridge λ >= 0 (ours: (1/n)||y-Xθ||² + λ||θ||², scikit-learn's alpha = n_train·λ); 0 = least",
                "squares (p < n) or the min-norm interpolator (p >= n). Default: ${DEFAULT-VALUE}."})
    String lambda;

    @Option(names = "--alpha", defaultValue = "0.1", paramLabel = "LIST", description = "Attack budgets α >= 0. Default: ${DEFAULT-VALUE}.")
    String alpha;

    @Option(names = "--attack", defaultValue = "l2", paramLabel = "LIST", description = "Attack norms: l2, linf, l1, lp:P. Default: ${DEFAULT-VALUE}.")
    String attack;

    @Option(names = "--alpha-scale", defaultValue = "raw", paramLabel = "raw|mean-norm",
            description = "raw: α as given; mean-norm: α in units of the mean training ||z||_p. Default: ${DEFAULT-VALUE}.")
    String alphaScale;

    @Option(names = "--budget", paramLabel = "FILE",
            description = "Per-feature budget weights: CSV 'column,weight' with a header (0 = immutable; unlisted = 1).")
    Path budget;

    @Option(names = "--map", defaultValue = "none", paramLabel = "MAP",
            description = {"Feature map of the standardised inputs: none, relu:m=M (random ReLU features), rff:m=M,gamma=G",
                "(random Fourier features of exp(-G||z-z'||^2)). With a map the attack moves the inputs: PGD (a lower",
                "bound, certified=false) and the first-order value. Default: ${DEFAULT-VALUE}."})
    String map;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of the feature map and the PGD restarts. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--pgd-steps", defaultValue = "20", paramLabel = "T", description = "PGD steps per run (with --map). Default: ${DEFAULT-VALUE}.")
    int pgdSteps;

    @Option(names = "--pgd-restarts", defaultValue = "2", paramLabel = "R", description = "PGD random restarts (with --map). Default: ${DEFAULT-VALUE}.")
    int pgdRestarts;

    @Option(names = "--model", paramLabel = "FILE", description = "Audit this saved or external linear model (JSON) on every row, without refitting.")
    Path model;

    @Option(names = "--save-model", paramLabel = "FILE",
            description = "Refit on every row at the chosen λ (λ_adv of the first attack and α; see --choose) and save it as JSON.")
    Path saveModel;

    @Option(names = "--choose", defaultValue = "adv", paramLabel = "adv|std",
            description = "Which λ --save-model keeps: adv (min adversarial MSE) or std (min test MSE). Default: ${DEFAULT-VALUE}.")
    String choose;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FMT", description = "table, csv or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write results, summary, plots and report.html to DIR.")
    Path out;

    @Option(names = "--quiet", description = "No notes on stderr.")
    boolean quiet;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Cells at most this many (n·p) are read once and kept in memory for the splits. */
    static final long IN_MEMORY_CELLS = 4_000_000L;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        OutputFormat fmt = OutputFormat.parse(format);
        boolean std = onOff("--standardize", standardize);
        MissingPolicy miss = MissingPolicy.parse(missing);
        boolean mapped = !map.trim().equalsIgnoreCase("none");
        if (mapped && (testFile != null || model != null || saveModel != null)) {
            throw new UserInputException("--map: not available with --test, --model or --save-model; use --test-fraction or --cv");
        }
        if (!choose.equals("adv") && !choose.equals("std")) {
            throw new UserInputException("--choose: '" + choose + "' is not allowed; allowed: adv, std");
        }
        CsvSource source;
        String tgt = target;
        List<String> dropList = drop == null ? new ArrayList<>() : new ArrayList<>(Lists.words("--drop", drop));
        if (dataset != null) {
            if (file != null) {
                throw new UserInputException("--dataset: give either a FILE or --dataset, not both");
            }
            Dataset d = Dataset.parse(dataset);
            source = d.source();
            if (tgt == null) {
                tgt = d.target();
            }
            if (features == null) {
                for (String c : d.drop()) {
                    if (!c.equals(tgt) && !dropList.contains(c)) {
                        dropList.add(c);
                    }
                }
            }
        } else {
            if (file == null) {
                throw new UserInputException("FILE: a table is required (or --dataset " + Dataset.ALLOWED.replace(", ", "|") + ")");
            }
            source = CsvSource.file(file);
        }
        double[] lambdas = Lists.nonNegative("--lambda", lambda);
        double[] alphas = Lists.nonNegative("--alpha", alpha);
        List<AttackNorm> attacks = Lists.attacks(attack);
        AlphaScale scale = AlphaScale.parse(alphaScale);

        LinearModel external = model == null ? null : LinearModel.read(model);
        List<String> featureList = features == null ? null : Lists.words("--features", features);
        if (external != null) {
            if (testFile != null || testFraction != null || cv != null || saveModel != null) {
                throw new UserInputException("--model: audits the model on every row of the table; --test, --test-fraction, "
                        + "--cv and --save-model do not apply");
            }
            if (tgt == null) {
                tgt = external.target();
            }
            if (tgt == null) {
                throw new UserInputException("--target: required (the model file names no target)");
            }
            featureList = external.features();
            dropList = new ArrayList<>();
        }
        if (tgt == null) {
            throw new UserInputException("--target: required; name the column to predict");
        }
        CsvTable table = CsvTable.open(source, new ColumnSpec(tgt, featureList, dropList), miss);
        if (!quiet && !table.skippedColumns().isEmpty()) {
            err.println("advrisk: note: non-numeric columns left out: " + String.join(",", table.skippedColumns()));
        }
        Map<String, Double> budgets = budget == null ? null : Budgets.read(CsvSource.file(budget), table.featureNames());
        AuditOptions opts = new AuditOptions(lambdas, attacks, alphas, scale, budgets, std, dropConstant);

        long n = table.count();
        if (!quiet && table.dropped() > 0) {
            err.println("advrisk: note: dropped " + table.dropped() + " row(s) with missing cells");
        }
        Rows rows = maybeInMemory(table, n);
        AuditResult result;
        Rows testRows = null;
        if (external != null) {
            result = Audit.external(rows, external, opts);
        } else {
            List<Split> splits;
            if (testFile != null) {
                if (testFraction != null || cv != null) {
                    throw new UserInputException("--test: give one of --test, --test-fraction, --cv");
                }
                CsvTable t = table.sameColumns(CsvSource.file(testFile));
                long nt = t.count();
                testRows = maybeInMemory(t, nt);
                splits = List.of(Splits.testFile((int) n, (int) nt));
            } else if (cv != null) {
                if (testFraction != null) {
                    throw new UserInputException("--cv: give one of --test, --test-fraction, --cv");
                }
                splits = Splits.crossValidation((int) n, cv, splitSeed);
            } else {
                splits = Splits.fraction((int) n, testFraction == null ? 0.25 : testFraction, splitSeed, repeats);
            }
            result = mapped ? org.advrisk.audit.MappedAudit.run(rows, splits, opts, map,
                    new org.advrisk.audit.MappedAudit.PgdSettings(pgdSteps, pgdRestarts, seed))
                    : Audit.run(rows, testRows, splits, opts);
        }
        if (!quiet) {
            for (String note : result.notes()) {
                err.println("advrisk: note: " + note);
            }
        }
        LinearModel chosen = null;
        Map<String, Object> fitInfo = null;
        if (saveModel != null) {
            AuditSummary first = result.summaries().get(0);
            double l = choose.equals("adv") ? first.lambdaAdv() : first.lambdaStd();
            TrainingStatistics st = GramAccumulator.accumulate(rows, Splits.all((int) n), std, dropConstant);
            double[] theta = TableRidgePath.fit(st).thetas(new double[] {l});
            chosen = LinearModel.of(tgt, st, theta, l);
            fitInfo = new LinkedHashMap<>();
            fitInfo.put("chosen_by", (choose.equals("adv") ? "min adversarial test MSE" : "min test MSE") + " at attack "
                    + first.attack() + ", alpha " + first.alpha());
            fitInfo.put("refit_on", "all " + n + " rows");
            fitInfo.put("source", source.label());
        }

        boolean withEff = scale == AlphaScale.MEAN_NORM;
        List<Map<String, Object>> rowMaps = new ArrayList<>();
        for (AuditRow r : result.rows()) {
            rowMaps.add(r.toMap(withEff, mapped));
        }
        List<Map<String, Object>> sumMaps = new ArrayList<>();
        for (AuditSummary s : result.summaries()) {
            sumMaps.add(s.toMap());
        }
        PrintWriter o = spec.commandLine().getOut();
        if (fmt == OutputFormat.JSON) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("rows", nulls(rowMaps));
            all.put("summary", nulls(sumMaps));
            o.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all));
            o.flush();
        } else if (fmt == OutputFormat.CSV) {
            fmt.write(rowMaps, o);
        } else {
            fmt.write(rowMaps, o);
            o.println();
            o.println("summary per (attack, alpha), mean over " + result.summaries().get(0).splits() + " split(s):");
            fmt.write(sumMaps, o);
        }
        if (out != null) {
            writeOut(out, rowMaps, sumMaps, result, source.label());
        }
        if (chosen != null) {
            chosen.write(saveModel, fitInfo);
            if (!quiet) {
                err.println("advrisk: note: model saved to " + saveModel + " (lambda " + chosen.lambda() + ")");
            }
        }
        return 0;
    }

    private static Rows maybeInMemory(CsvTable table, long n) {
        MemoryTable m = MemoryTable.load(table, n, IN_MEMORY_CELLS);
        return m == null ? table : m;
    }

    private void writeOut(Path dir, List<Map<String, Object>> rows, List<Map<String, Object>> sums, AuditResult result,
                          String label) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserInputException("--out: '" + dir + "' exists and is not a directory");
        }
        Files.createDirectories(dir);
        atomic(dir.resolve("results.csv"), csv(rows));
        atomic(dir.resolve("summary.csv"), csv(sums));
        ObjectMapper m = new ObjectMapper();
        StringBuilder jl = new StringBuilder();
        for (Map<String, Object> r : nulls(rows)) {
            jl.append(m.writeValueAsString(r)).append('\n');
        }
        atomic(dir.resolve("results.jsonl"), jl.toString());
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("command", "audit");
        manifest.put("args", String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        manifest.put("data", label);
        manifest.put("notes", result.notes());
        manifest.put("java", System.getProperty("java.version"));
        atomic(dir.resolve("manifest.json"), m.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(manifest) + "\n");
        AuditReport.write(dir, result, label, sums);
    }

    static void atomic(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String csv(List<Map<String, Object>> rows) {
        java.io.StringWriter sw = new java.io.StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        OutputFormat.CSV.write(rows, pw);
        return sw.toString();
    }

    private static List<Map<String, Object>> nulls(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> c = new LinkedHashMap<>(r);
            c.replaceAll((k, v) -> v instanceof Double d && !Double.isFinite(d) ? null : v);
            out.add(c);
        }
        return out;
    }

    static boolean onOff(String flag, String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new UserInputException(flag + ": '" + v + "' is not allowed; allowed: on, off");
        };
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
