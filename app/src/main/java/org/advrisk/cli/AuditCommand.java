package org.advrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.advrisk.audit.AlphaScale;
import org.advrisk.audit.AuditJob;
import org.advrisk.audit.AuditOutcome;
import org.advrisk.audit.AuditResult;
import org.advrisk.audit.AuditRunner;
import org.advrisk.audit.AuditRow;
import org.advrisk.audit.AuditSummary;
import org.advrisk.audit.LinearModel;
import org.advrisk.audit.MappedAudit;
import org.advrisk.audit.MappedModel;
import org.advrisk.audit.ModelFiles;
import org.advrisk.audit.TableRidgePath;
import org.advrisk.data.ColumnSpec;
import org.advrisk.data.CsvSource;
import org.advrisk.data.Dataset;
import org.advrisk.data.GramAccumulator;
import org.advrisk.data.MissingPolicy;
import org.advrisk.data.Rows;
import org.advrisk.data.TrainingStatistics;
import org.advrisk.experiment.OutDirLock;
import org.advrisk.model.AttackNorm;
import org.advrisk.param.Lists;
import org.advrisk.param.UserText;
import org.advrisk.data.Splits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "CSV/TSV table with a header (optionally .gz), or a Parquet file.")
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

    @Mixin
    AuditScaleOption attackScale;

    @Option(names = "--budget", paramLabel = "FILE",
            description = "Per-feature budget weights: CSV 'column,weight' with a header (0 = immutable; unlisted = 1).")
    Path budget;

    @Option(names = "--map", defaultValue = "none", paramLabel = "MAP",
            description = {"Feature map of the standardised inputs: none, relu:m=M (random ReLU features), rff:m=M,gamma=G",
                "(random Fourier features of exp(-G||z-z'||^2)), ntk (kernel ridge with the K1 neural tangent kernel,",
                "free intercept). With a map the attack moves the inputs: PGD (a lower bound, certified=false) and the",
                "first-order value. Default: ${DEFAULT-VALUE}."})
    String map;

    @Mixin
    EstimatorOptions estimators;

    @Option(names = "--seed", defaultValue = org.advrisk.param.Parameters.SEED_DEFAULT, paramLabel = "S", converter = DeclaredConverters.Seed.class, description = "Seed of the feature map and the PGD restarts. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--pgd-steps", defaultValue = "20", paramLabel = "T", description = "PGD steps per run (with --map). Default: ${DEFAULT-VALUE}.")
    int pgdSteps;

    @Option(names = "--pgd-restarts", defaultValue = "2", paramLabel = "R", description = "PGD random restarts (with --map). Default: ${DEFAULT-VALUE}.")
    int pgdRestarts;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Audit this saved or external model (JSON: linear, or saved with --map) on every row, without refitting.")
    Path model;

    @Option(names = "--save-model", paramLabel = "FILE",
            description = {"Refit on every row at the chosen λ (λ_adv of the first attack and α; see --choose) and save it as",
                "JSON: θ̂, b and the scaling, or with --map the map, its seed, the scaling, the weights (ntk: and its points)."})
    Path saveModel;

    @Option(names = "--overwrite-model",
            description = "Replace an existing --save-model file (a regular file that is none of the inputs); without it an existing file is refused.")
    boolean overwriteModel;

    @Option(names = "--choose", defaultValue = "adv", paramLabel = "adv|std",
            description = "Which λ --save-model keeps: adv (min adversarial MSE) or std (min test MSE). Default: ${DEFAULT-VALUE}.")
    String choose;

    @Option(names = "--format", defaultValue = org.advrisk.param.Choices.FORMAT_DEFAULT, paramLabel = "FMT", completionCandidates = ChoiceCandidates.Format.class, description = "table, csv or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write results, summary, plots and report.html to DIR.")
    Path out;

    @Option(names = "--quiet", description = "No notes on stderr.")
    boolean quiet;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        OutputFormat fmt = OutputFormat.parse(format);
        boolean std = onOff("--standardize", standardize);
        MissingPolicy miss = MissingPolicy.parse(missing);
        boolean mapped = !map.trim().equalsIgnoreCase("none");
        EstimatorOptions.Choice est = estimators.choice();
        checkCombinations(mapped, est);
        CsvSource source;
        String tgt = target;
        List<String> dropList = drop == null ? new ArrayList<>() : new ArrayList<>(Lists.words("--drop", drop));
        if (dataset != null) {
            if (file != null) {
                throw new UserInputException("dataset: give either a FILE or --dataset, not both");
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
        double[] lambdas = org.advrisk.param.Parameters.LAMBDA.parseList(lambda);
        double[] alphas = org.advrisk.param.Parameters.ALPHA.parseList(alpha);
        List<AttackNorm> attacks = Lists.words("attack", attack).stream().map(AttackNorm::parse).toList();
        AlphaScale scale = AlphaScale.parse(alphaScale);
        List<Path> inputs = AuditRequest.inputs(this);
        String args = String.join(" ", spec.commandLine().getParseResult().originalArgs());
        ObjectNode request = out == null ? null : AuditRequest.of(this, lambdas, alphas);
        if (out != null) {
            AuditDirectory.check(out, request, args, inputs);
        }
        if (saveModel != null) {
            ModelFiles.checkTarget(saveModel, overwriteModel, inputs, out);
            AuditDirectory.refuseOutFile(saveModel, out);
        }

        MappedModel externalMapped = model == null ? null : MappedModel.readIfMapped(model);
        LinearModel external = model == null || externalMapped != null ? null : LinearModel.read(model);
        List<String> featureList = features == null ? null : Lists.words("--features", features);
        if (model != null) {
            if (testFile != null || testFraction != null || cv != null || saveModel != null) {
                throw new UserInputException("--model: audits the model on every row of the table; --test, --test-fraction, "
                        + "--cv and --save-model do not apply");
            }
            String t = externalMapped != null ? externalMapped.target() : external.target();
            if (tgt == null) {
                tgt = t;
            }
            if (tgt == null) {
                throw new UserInputException("target: required (the model file names no target)");
            }
            featureList = externalMapped != null ? externalMapped.features() : external.features();
            dropList = new ArrayList<>();
        }
        if (tgt == null) {
            throw new UserInputException("target: required; name the column to predict");
        }
        AuditJob job = new AuditJob(source, new ColumnSpec(tgt, featureList, dropList), miss,
                new AuditJob.SplitPlan(testFile, testFraction, cv, repeats, splitSeed), lambdas, attacks, alphas, scale,
                budget, std, dropConstant, est.advtrain() ? est.deltas() : null, est.attack(), est.flow(), map, external,
                externalMapped, new MappedAudit.PgdSettings(pgdSteps, pgdRestarts, seed), saveModel != null, est.plugins(),
                attackScale.value());
        AuditOutcome outcome = AuditRunner.run(job, quiet ? null : new ReadProgressBar(source.label(), System.err),
                note -> {
                    if (!quiet) {
                        err.println("advrisk: note: " + note);
                    }
                });
        Rows rows = outcome.rows();
        long n = outcome.n();
        AuditResult result = outcome.result();
        Saved saved = saveModel == null ? null : refit(rows, tgt, n, std, mapped, result, source.label());

        boolean withEff = scale == AlphaScale.MEAN_NORM;
        List<Map<String, Object>> rowMaps = new ArrayList<>();
        for (AuditRow r : result.rows()) {
            rowMaps.add(r.toMap(withEff, mapped || externalMapped != null, est.advtrain(), est.flow().any()));
        }
        List<Map<String, Object>> sumMaps = new ArrayList<>();
        for (AuditSummary s : result.summaries()) {
            sumMaps.add(s.toMap());
        }
        try (OutDirLock lock = out == null ? null : AuditDirectory.lock(out, request, args, inputs)) {
            AuditOutput.print(spec.commandLine().getOut(), fmt, rowMaps, sumMaps, result.summaries().get(0).splits());
            if (out != null) {
                AuditOutput.write(out, rowMaps, sumMaps, result, source.label(), args, request);
            }
        }
        if (saved != null) {
            saved.write.run();
            if (!quiet) {
                err.println("advrisk: note: model saved to " + saveModel + " (lambda " + saved.lambda + ")");
            }
        }
        return 0;
    }

    /** Flag combinations that make no sense, refused before any data is read. */
    private void checkCombinations(boolean mapped, EstimatorOptions.Choice est) {
        if (!choose.equals("adv") && !choose.equals("std")) {
            throw new UserInputException("--choose: '" + choose + "' is not allowed; allowed: adv, std");
        }
        if (mapped && model != null) {
            throw new UserInputException("map: a --model file carries its own map (or none); drop --map");
        }
        if (est.flow().any() && (!est.ridge() || mapped || model != null || saveModel != null)) {
            throw new UserInputException("estimator: gf and gd run beside ridge on the table's linear model (from its"
                    + " decomposition): use --estimator ridge,gf (or gd), without --map, --model and --save-model");
        }
        if (!est.plugins().isEmpty() && (!est.ridge() || mapped || model != null || saveModel != null)) {
            throw new UserInputException("--estimator: " + est.plugins().get(0).kind().name() + " runs beside ridge on"
                    + " the table's linear model: use --estimator ridge,NAME, without --map, --model and --save-model");
        }
        if (est.advtrain()) {
            if (!est.ridge()) {
                throw new UserInputException("estimator: the audit compares advtrain's δ with ridge's λ; use --estimator ridge,advtrain");
            }
            if (mapped) {
                throw new UserInputException("estimator: advtrain trains a linear model of the inputs, but --map fits a"
                        + " nonlinear one; drop --map or use --estimator ridge");
            }
            if (model != null) {
                throw new UserInputException("estimator: --model audits a given model without fitting; advtrain does not apply");
            }
            if (saveModel != null) {
                throw new UserInputException("--save-model: keeps ridge at the chosen λ; with --estimator ridge,advtrain it"
                        + " would be ambiguous which fit to save; save from a run with --estimator ridge");
            }
        }
    }

    /** A model refitted on every row at the chosen λ, ready to be written after the results. */
    private record Saved(double lambda, IoAction write) {
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    private Saved refit(Rows rows, String tgt, long n, boolean std, boolean mapped, AuditResult result, String label) {
        AuditSummary first = result.summaries().get(0);
        double l = choose.equals("adv") ? first.lambdaAdv() : first.lambdaStd();
        Map<String, Object> fitInfo = new LinkedHashMap<>();
        fitInfo.put("chosen_by", (choose.equals("adv") ? "min adversarial test MSE" : "min test MSE") + " at attack "
                + first.attack() + ", alpha " + first.alpha());
        fitInfo.put("refit_on", "all " + n + " rows");
        fitInfo.put("source", label);
        if (mapped) {
            MappedModel m = MappedAudit.refit(rows, tgt, map, seed, l, std);
            return new Saved(l, () -> m.write(saveModel, fitInfo));
        }
        TrainingStatistics st = GramAccumulator.accumulate(rows, Splits.all((int) n), std, dropConstant);
        double[] theta = TableRidgePath.fit(st).thetas(new double[] {l});
        LinearModel m = LinearModel.of(tgt, st, theta, l);
        return new Saved(l, () -> m.write(saveModel, fitInfo));
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
