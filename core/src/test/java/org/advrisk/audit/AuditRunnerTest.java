package org.advrisk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advrisk.data.ColumnSpec;
import org.advrisk.data.CsvTable;
import org.advrisk.data.Dataset;
import org.advrisk.data.MissingPolicy;
import org.advrisk.data.Splits;
import org.advrisk.model.AttackNorm;
import org.advrisk.linear.FlowQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit planned in core: the runner draws the splits the flags ask for and gives the rows of the direct
 * call on those splits; conflicting split flags and too many splits are refused before any fit; notes
 * reach the caller.
 */
class AuditRunnerTest {
    @TempDir
    Path tmp;

    private static AuditJob job(org.advrisk.data.CsvSource source, ColumnSpec cols, MissingPolicy missing,
                                AuditJob.SplitPlan splits) {
        return new AuditJob(source, cols, missing, splits, new double[] {0, 0.1}, List.of(AttackNorm.L2),
                new double[] {0.1}, AlphaScale.RAW, null, true, false, null, null, FlowQuery.NONE, "none", null, null,
                new MappedAudit.PgdSettings(20, 2, 0), false);
    }

    private static ColumnSpec diabetes() {
        Dataset d = Dataset.DIABETES;
        List<String> drop = new ArrayList<>(d.drop());
        drop.remove(d.target());
        return new ColumnSpec(d.target(), null, drop);
    }

    @Test
    void crossValidationGivesTheRowsOfTheDirectCall() {
        List<String> notes = new ArrayList<>();
        AuditOutcome o = AuditRunner.run(job(Dataset.DIABETES.source(), diabetes(), MissingPolicy.REFUSE,
                new AuditJob.SplitPlan(null, null, 3, 1, 5)), null, notes::add);

        CsvTable table = CsvTable.open(Dataset.DIABETES.source(), diabetes(), MissingPolicy.REFUSE);
        long n = table.count();
        AuditResult direct = Audit.run(table, null, Splits.crossValidation((int) n, 3, 5),
                new AuditOptions(new double[] {0, 0.1}, List.of(AttackNorm.L2), new double[] {0.1}, AlphaScale.RAW,
                        null, true, false));
        assertThat(o.n()).isEqualTo(n).isEqualTo(442);
        assertThat(o.result().rows()).hasSize(3 * 2); // folds x λ
        List<Map<String, Object>> got = o.result().rows().stream().map(r -> r.toMap(false)).toList();
        List<Map<String, Object>> want = direct.rows().stream().map(r -> r.toMap(false)).toList();
        assertThat(got).isEqualTo(want);
        assertThat(notes).isEqualTo(direct.notes());
    }

    @Test
    void conflictingSplitsAndTooManySplitsAreRefusedBeforeAnyFit() throws Exception {
        Path test = tmp.resolve("test.csv");
        Files.writeString(test, "a,y\n1,2\n2,3\n");
        assertThatThrownBy(() -> AuditRunner.run(job(Dataset.DIABETES.source(), diabetes(), MissingPolicy.REFUSE,
                new AuditJob.SplitPlan(test, null, 3, 1, 0)), null, s -> { }))
                .hasMessage("test: give one of --test, --test-fraction, --cv");
        assertThatThrownBy(() -> AuditRunner.run(job(Dataset.DIABETES.source(), diabetes(), MissingPolicy.REFUSE,
                new AuditJob.SplitPlan(null, 0.5, 3, 1, 0)), null, s -> { }))
                .hasMessage("cv: give one of --test, --test-fraction, --cv");
        int tooMany = (int) AuditCost.MAX_SPLITS + 1;
        assertThatThrownBy(() -> AuditRunner.run(job(Dataset.DIABETES.source(), diabetes(), MissingPolicy.REFUSE,
                new AuditJob.SplitPlan(null, null, null, tooMany, 0)), null, s -> { }))
                .hasMessageStartingWith("--repeats: " + tooMany + " splits");
    }

    @Test
    void droppedRowsAndLeftOutColumnsAreNoted() throws Exception {
        Path f = tmp.resolve("t.csv");
        StringBuilder b = new StringBuilder("x1,x2,name,y\n");
        for (int i = 0; i < 30; i++) {
            b.append(i).append(',').append((i * 7) % 11).append(",row").append(i).append(',')
                    .append(i == 4 ? "" : Double.toString(0.5 * i + (i % 3))).append('\n');
        }
        Files.writeString(f, b.toString());
        List<String> notes = new ArrayList<>();
        AuditOutcome o = AuditRunner.run(job(org.advrisk.data.CsvSource.file(f), new ColumnSpec("y", null, List.of()),
                MissingPolicy.DROP, new AuditJob.SplitPlan(null, null, null, 2, 1)), null, notes::add);
        assertThat(o.n()).isEqualTo(29);
        assertThat(notes).startsWith("non-numeric columns left out: name", "dropped 1 row(s) with missing cells");
        assertThat(o.result().rows()).hasSize(2 * 2); // repeats x λ
    }
}
