package org.advrisk.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet input: files written by an independent writer (hyparquet-writer, JavaScript; make_parquet.mjs next
 * to the fixtures) give the same rows as the same table written as CSV, with the CSV reader's column rules,
 * missing-value handling and messages; bad files get one message naming the column or the problem.
 */
class ParquetTableTest {
    @TempDir
    Path dir;

    private static Path fixture(String name) {
        try {
            return Path.of(ParquetTableTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<double[]> rows(CsvTable t) {
        List<double[]> out = new ArrayList<>();
        t.forEach((i, x, y) -> {
            double[] r = Arrays.copyOf(x, x.length + 1);
            r[x.length] = y;
            out.add(r);
        });
        return out;
    }

    private static CsvTable open(Path f, ColumnSpec spec, MissingPolicy m) {
        return CsvTable.open(CsvSource.file(f), spec, m);
    }

    @Test
    void sameRowsAndColumnsAsTheCsvOfTheSameTable() {
        ColumnSpec spec = new ColumnSpec("y", null, List.of("id"));
        CsvTable pq = open(fixture("table.parquet"), spec, MissingPolicy.REFUSE);
        CsvTable csv = open(fixture("table.csv"), spec, MissingPolicy.REFUSE);
        assertThat(pq.featureNames()).containsExactly("x1", "x2", "x3").isEqualTo(csv.featureNames());
        assertThat(pq.skippedColumns()).containsExactly("label").isEqualTo(csv.skippedColumns());
        List<double[]> a = rows(pq);
        List<double[]> b = rows(csv);
        assertThat(a).hasSize(40).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i)).as("row %d", i).containsExactly(b.get(i));
        }
        // the integer id as a feature: INT64 read exactly
        CsvTable ids = open(fixture("table.parquet"), new ColumnSpec("y", List.of("id"), List.of()), MissingPolicy.REFUSE);
        assertThat(rows(ids).get(39)[0]).isEqualTo(1039.0);
    }

    @Test
    void aParquetTestFileMatchesACsvTrainingFile() {
        CsvTable csv = open(fixture("table.csv"), new ColumnSpec("y", null, List.of("id")), MissingPolicy.REFUSE);
        CsvTable test = csv.sameColumns(CsvSource.file(fixture("table.parquet")));
        assertThat(test.featureNames()).isEqualTo(csv.featureNames());
        assertThat(test.count()).isEqualTo(40);
    }

    @Test
    void nullsAreMissingCells() {
        ColumnSpec spec = new ColumnSpec("y", null, List.of());
        Path f = fixture("nulls.parquet");
        assertThatThrownBy(() -> open(f, spec, MissingPolicy.REFUSE).count()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(f + ": 2 row(s) have missing cells, first: rows 3 ('x2'), 7 ('x2'); use --missing drop to drop them");
        CsvTable t = open(f, spec, MissingPolicy.DROP);
        assertThat(t.count()).isEqualTo(38);
        assertThat(t.dropped()).isEqualTo(2);
    }

    @Test
    void badFilesAreNamed() throws IOException {
        Path nested = fixture("nested.parquet");
        assertThat(open(nested, new ColumnSpec("y", null, List.of()), MissingPolicy.REFUSE).skippedColumns()).containsExactly("tags");
        assertThatThrownBy(() -> open(nested, new ColumnSpec("y", List.of("x1", "tags"), List.of()), MissingPolicy.REFUSE).count())
                .hasMessage(nested + ": column 'tags' has the nested type DOUBLE[]; a feature must be a flat numeric column");
        Path table = fixture("table.parquet");
        assertThatThrownBy(() -> open(table, new ColumnSpec("y", List.of("label"), List.of()), MissingPolicy.REFUSE).count())
                .hasMessage(table + ": column 'label' has the type VARCHAR, not a number; a feature must be numeric");
        assertThatThrownBy(() -> open(table, new ColumnSpec("label", null, List.of()), MissingPolicy.REFUSE).count())
                .hasMessage(table + ": column 'label' has the type VARCHAR, not a number; a target must be numeric");
        assertThatThrownBy(() -> open(table, new ColumnSpec("price", null, List.of()), MissingPolicy.REFUSE))
                .hasMessage("target: unknown column 'price' in " + table + "; columns: id,x1,x2,x3,label,y");
        Path fake = dir.resolve("fake.parquet");
        Files.copy(fixture("table.csv"), fake);
        assertThatThrownBy(() -> open(fake, new ColumnSpec("y", null, List.of()), MissingPolicy.REFUSE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(fake + ": cannot be read as Parquet: ")
                .hasMessageNotContaining("\n");
        byte[] all = Files.readAllBytes(table);
        Path cut = dir.resolve("cut.parquet");
        Files.write(cut, Arrays.copyOf(all, all.length - 100));
        assertThatThrownBy(() -> open(cut, new ColumnSpec("y", null, List.of()), MissingPolicy.REFUSE).count())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(cut + ": cannot be read as Parquet: ")
                .hasMessageNotContaining("\n");
    }
}
