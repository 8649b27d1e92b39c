package org.advrisk.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.advrisk.audit.AlphaScale;
import org.advrisk.audit.Audit;
import org.advrisk.audit.AuditOptions;
import org.advrisk.audit.AuditResult;
import org.advrisk.model.AttackNorm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table whose parsed rows go to the temporary file gives the audit the same bits as the same table held
 * in memory (MemoryTable, built from an independent parse by Double.parseDouble), for several splits and
 * any number of parsing threads.
 */
class SpilledAuditTest {
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        TableRead.memoryCells = TableRead.defaultMemoryCells();
        CsvPieces.pieceBytes = CsvPieces.PIECE;
    }

    @Test
    void spilledTableGivesTheSameAuditAsTheTableInMemory() throws IOException {
        int n = 3000;
        int p = 6;
        SplittableRandom r = new SplittableRandom(4);
        StringBuilder sb = new StringBuilder("a,b,c,d,e,f,y\n");
        double[] x = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                String cell = String.format(Locale.ROOT, j % 2 == 0 ? "%.6f" : "%.17g", r.nextGaussian() * (j + 1) + j);
                x[i * p + j] = Double.parseDouble(cell);
                s += (j - 2.5) * x[i * p + j];
                sb.append(cell).append(',');
            }
            String cell = Double.toString(s + r.nextGaussian());
            y[i] = Double.parseDouble(cell);
            sb.append(cell).append('\n');
        }
        Path f = dir.resolve("t.csv");
        Files.writeString(f, sb.toString());
        MemoryTable memory = new MemoryTable(List.of("a", "b", "c", "d", "e", "f"), "y", x, y);
        AuditOptions o = new AuditOptions(new double[] {0, 1e-3, 0.1, 10}, List.of(AttackNorm.L2, AttackNorm.LINF),
                new double[] {0.1, 0.5}, AlphaScale.MEAN_NORM, null, true, false);
        List<Split> splits = Splits.fraction(n, 0.25, 3, 3);
        AuditResult want = Audit.run(memory, null, splits, o);
        TableRead.memoryCells = 1000;
        CsvPieces.pieceBytes = 4096;
        CsvTable t = CsvTable.open(CsvSource.file(f), new ColumnSpec("y", null, List.of()), MissingPolicy.REFUSE);
        assertThat(t.count()).isEqualTo(n);
        assertThat(t.spilled()).isTrue();
        AuditResult got = Audit.run(t, null, splits, o);
        assertThat(got.rows()).hasSameSizeAs(want.rows());
        for (int i = 0; i < want.rows().size(); i++) {
            assertThat(got.rows().get(i).toString()).isEqualTo(want.rows().get(i).toString());
        }
    }
}
