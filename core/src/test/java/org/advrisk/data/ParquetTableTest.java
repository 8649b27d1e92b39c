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

    @Test
    void thousandsOfRowsOfEveryKindGiveTheCsvRows() {
        // 5000 rows: several DuckDB chunks and row groups; DOUBLE with nulls and NaN, FLOAT, INT32 with nulls
        ColumnSpec spec = new ColumnSpec("y", null, List.of());
        Path pqFile = fixture("mixed.parquet");
        Path csvFile = fixture("mixed.csv");
        CsvTable pq = open(pqFile, spec, MissingPolicy.DROP);
        CsvTable csv = open(csvFile, spec, MissingPolicy.DROP);
        List<double[]> a = rows(pq);
        List<double[]> b = rows(csv);
        assertThat(pq.dropped()).isEqualTo(csv.dropped()).isGreaterThan(100);
        assertThat(a).hasSize(5000 - (int) csv.dropped()).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i)).as("row %d", i).containsExactly(b.get(i));
        }
        assertThatThrownBy(() -> open(pqFile, spec, MissingPolicy.REFUSE).count())
                .hasMessage(messageOf(() -> open(csvFile, spec, MissingPolicy.REFUSE).count()).replace(csvFile.toString(), pqFile.toString()));
    }

    @Test
    void anInfiniteCellIsNamedWithItsRowAfterAnEarlierMissingCellDropsItsRow() throws IOException {
        // inf.parquet: row 2999 has a missing 'a' before an infinite 'f' (missing, as read cell by cell), row 3001 an infinite 'f'
        Path pqFile = fixture("inf.parquet");
        List<String> lines = new ArrayList<>(Files.readAllLines(fixture("mixed.csv")));
        String[] r2999 = lines.get(2999).split(",", -1);
        r2999[0] = "";
        r2999[1] = "Infinity";
        lines.set(2999, String.join(",", r2999));
        String[] r3001 = lines.get(3001).split(",", -1);
        r3001[1] = "Infinity";
        lines.set(3001, String.join(",", r3001));
        Path csvFile = dir.resolve("inf.csv");
        Files.write(csvFile, lines);
        ColumnSpec spec = new ColumnSpec("y", null, List.of());
        String expected = pqFile + ": row 3001, column 'f': 'Infinity' is not a finite number";
        assertThat(messageOf(() -> open(csvFile, spec, MissingPolicy.DROP).count())).isEqualTo(expected.replace(pqFile.toString(), csvFile.toString()));
        assertThatThrownBy(() -> open(pqFile, spec, MissingPolicy.DROP).count()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(expected);
    }

    @Test
    void rowGroupsReadInParallelGiveTheSameRowsForAnyNumberOfThreads() {
        // mixed.parquet has 4 row groups: 1 thread streams them, 2 and 3 read them on their own connections; pieces of
        // many DuckDB chunks (the default) or one
        CsvSource src = CsvSource.file(fixture("mixed.parquet"));
        List<ParquetTable.Column> columns = ParquetTable.schema(src);
        List<List<double[]>> byThreads = new ArrayList<>();
        int pieceBytes = ParquetTable.ChunkRows.pieceBytes;
        for (int threads : new int[] {1, 2, 3, -1, -2}) { // negative: |threads| with one DuckDB chunk per piece
            ParquetTable.ChunkRows.pieceBytes = threads < 0 ? 1 : pieceBytes;
            TableRead read;
            try {
                read = ParquetTable.read(src, columns, new int[] {0, 1, 2, 3}, 4, MissingPolicy.DROP, ReadProgress.NONE,
                        Math.abs(threads));
            } finally {
                ParquetTable.ChunkRows.pieceBytes = pieceBytes;
            }
            List<double[]> rows = new ArrayList<>();
            read.store().forEach((i, x, y) -> {
                double[] r = Arrays.copyOf(x, x.length + 1);
                r[x.length] = y;
                rows.add(r);
            });
            read.store().delete();
            byThreads.add(rows);
        }
        assertThat(byThreads.get(0)).hasSizeGreaterThan(4800);
        for (int t = 1; t < byThreads.size(); t++) {
            assertThat(byThreads.get(t)).hasSameSizeAs(byThreads.get(0));
            for (int i = 0; i < byThreads.get(0).size(); i++) {
                assertThat(byThreads.get(t).get(i)).as("reading %d, row %d", t, i).containsExactly(byThreads.get(0).get(i));
            }
        }
    }

    private static String messageOf(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }
}
