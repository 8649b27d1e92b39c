package org.advrisk.audit;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.advrisk.data.CsvSource;
import org.advrisk.data.CsvTable;
import org.advrisk.data.MemoryTable;
import org.advrisk.data.ReadProgress;
import org.advrisk.data.Rows;
import org.advrisk.data.Split;
import org.advrisk.data.Splits;
import org.advrisk.param.UserText;

/**
 * Plans and runs an {@link AuditJob}: opens the table, reads the budgets, counts the rows, checks the cost
 * ({@link AuditCost}) before any split is drawn or model fitted, keeps a small table in memory, draws the
 * splits and runs the ridge path (or the mapped or external audit). A front door only translates its input
 * into the job and writes the outcome.
 */
public final class AuditRunner {
    /** Cells at most this many (n·p) are read once and kept in memory for the splits. */
    public static final long IN_MEMORY_CELLS = 4_000_000L;

    private AuditRunner() {
    }

    /**
     * Runs the audit.
     *
     * @param progress told about the one reading of the table (null: nothing)
     * @param notes    receives one line per note (left-out columns, dropped rows, the result's notes)
     */
    public static AuditOutcome run(AuditJob job, ReadProgress progress, Consumer<String> notes) {
        CsvTable table = CsvTable.open(job.source(), job.columns(), job.missing());
        if (!table.skippedColumns().isEmpty()) {
            notes.accept(UserText.line("non-numeric columns left out: " + String.join(",", table.skippedColumns())));
        }
        Map<String, Double> budgets = job.budget() == null ? null : Budgets.read(CsvSource.file(job.budget()), table.featureNames());
        AuditOptions opts = new AuditOptions(job.lambdas(), job.attacks(), job.alphas(), job.alphaScale(), budgets,
                job.standardize(), job.dropConstant(), job.advTrainDeltas() != null
                        ? new AuditOptions.AdvTrainSettings(job.advTrainDeltas(), job.trainAttack()) : null, job.flow(), job.plugins())
                .withAttackScale(job.attackScale());
        if (progress != null) { // e.g. a bar (MB, MB/s, rows) when the one reading of the table takes long
            table.onProgress(progress);
        }
        long n = table.count();
        if (table.dropped() > 0) {
            notes.accept("dropped " + table.dropped() + " row(s) with missing cells");
        }
        int deltas = job.advTrainDeltas() != null ? job.advTrainDeltas().length : 0;
        AuditCost cost = cost(job, n, 0, table.featureNames().size(), job.lambdas().length, job.attacks().size(),
                job.alphas().length, deltas, job.externalMapped() != null ? job.externalMapped().map() : job.map());
        Rows rows = maybeInMemory(table, n);
        AuditResult result;
        if (job.externalMapped() != null) {
            result = MappedAudit.external(rows, job.externalMapped(), opts, job.pgd());
        } else if (job.external() != null) {
            result = Audit.external(rows, job.external(), opts);
        } else {
            AuditJob.SplitPlan plan = job.splits();
            List<Split> splits;
            Rows testRows = null;
            if (plan.testFile() != null) {
                if (plan.testFraction() != null || plan.cv() != null) {
                    throw new IllegalArgumentException("test: give one of --test, --test-fraction, --cv");
                }
                CsvTable t = table.sameColumns(CsvSource.file(plan.testFile()));
                long nt = t.count();
                cost(job, n, nt, cost.p(), cost.lambdas(), cost.attacks(), cost.alphas(), cost.extraRows(), job.map());
                testRows = maybeInMemory(t, nt);
                splits = List.of(Splits.testFile((int) n, (int) nt));
            } else if (plan.cv() != null) {
                if (plan.testFraction() != null) {
                    throw new IllegalArgumentException("cv: give one of --test, --test-fraction, --cv");
                }
                splits = Splits.crossValidation((int) n, plan.cv(), plan.seed());
            } else {
                splits = Splits.fraction((int) n, plan.testFraction() == null ? 0.25 : plan.testFraction(), plan.seed(),
                        plan.repeats());
            }
            result = job.mapped() ? MappedAudit.run(rows, testRows, splits, opts, job.map(), job.pgd())
                    : Audit.run(rows, testRows, splits, opts);
        }
        Overflow.results(result);
        for (String note : result.notes()) {
            notes.accept(UserText.line(note));
        }
        return new AuditOutcome(rows, n, result);
    }

    /**
     * Checks and returns the cost of an audit of {@code n} rows (and {@code nTestFile} rows of a test table;
     * 0 without one, when this is called before that table is counted and skips the check), with the size of
     * the model a refit would save.
     */
    public static AuditCost cost(AuditJob job, long n, long nTestFile, long p, long lambdas, long attacks, long alphas,
                                 long deltas, String map) {
        AuditJob.SplitPlan plan = job.splits();
        boolean external = job.externalModel();
        boolean testFile = plan.testFile() != null;
        Integer cv = plan.cv();
        long nTest = external ? n : testFile ? nTestFile : cv != null ? (n + cv - 1) / Math.max(1, cv)
                : (long) Math.ceil((plan.testFraction() == null ? 0.25 : plan.testFraction()) * n);
        long splits = external || testFile ? 1 : cv != null ? cv : plan.repeats();
        String flag = external || testFile ? null : cv != null ? "--cv" : "--repeats";
        AuditCost cost = new AuditCost(n + (testFile ? nTestFile : 0), p, Math.max(1, splits), flag, nTest,
                external ? 1 : lambdas, attacks, alphas, deltas, map, job.pgd().steps(), job.pgd().restarts());
        if (testFile && nTestFile == 0) {
            return cost; // checked again once the test table is counted
        }
        cost.require();
        if (job.saveModel() && !map.trim().equalsIgnoreCase("none")) {
            MappedModel.requireSavable(map, n, (int) p);
        }
        return cost;
    }

    private static Rows maybeInMemory(CsvTable table, long n) {
        MemoryTable m = MemoryTable.load(table, n, IN_MEMORY_CELLS);
        return m == null ? table : m;
    }
}
