package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code advrisk audit FILE.parquet}: the same rows as the CSV of the same table; bad Parquet: exit 2, one line, nothing written. */
class AuditParquetCommandTest {
    /** The fixtures of core's ParquetTableTest (written by an independent writer, see make_parquet.mjs there). */
    static final Path FIXTURES = Path.of("..", "core", "src", "test", "resources", "org", "advrisk", "data");

    @TempDir
    Path dir;

    @Test
    void parquetAndCsvOfTheSameTableGiveTheSameOutput() {
        String[] common = {"--target", "y", "--drop", "id", "--lambda", "0,0.01,1", "--alpha", "0.1", "--attack", "l2,linf",
            "--repeats", "2", "--format", "csv", "--quiet"};
        CliRunner pq = CliRunner.run(concat("audit", FIXTURES.resolve("table.parquet").toString(), common));
        CliRunner csv = CliRunner.run(concat("audit", FIXTURES.resolve("table.csv").toString(), common));
        assertThat(pq.code()).as(pq.err()).isZero();
        assertThat(pq.out()).isEqualTo(csv.out()).contains("split-2,ridge,1.0,linf,0.1,");
        CliRunner mixed = CliRunner.run(concat("audit", FIXTURES.resolve("table.csv").toString(), "--test",
                FIXTURES.resolve("table.parquet").toString(), "--target", "y", "--drop", "id", "--format", "csv", "--quiet"));
        assertThat(mixed.code()).as(mixed.err()).isZero();
        assertThat(mixed.out()).contains("test-file,ridge,");
    }

    @Test
    void badParquetIsOneLineExitTwoAndNothingWritten() throws IOException {
        Path fake = dir.resolve("fake.parquet");
        Files.copy(FIXTURES.resolve("table.csv"), fake);
        byte[] all = Files.readAllBytes(FIXTURES.resolve("table.parquet"));
        Path cut = dir.resolve("cut.parquet");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        String table = FIXTURES.resolve("table.parquet").toString();
        refused("cannot be read as Parquet", fake.toString(), "--target", "y");
        refused("cannot be read as Parquet", cut.toString(), "--target", "y");
        refused("column 'label' has the type VARCHAR, not a number", table, "--target", "y", "--features", "x1,label");
        refused("2 row(s) have missing cells, first: rows 3 ('x2'), 7 ('x2')", FIXTURES.resolve("nulls.parquet").toString(), "--target", "y");
        refused("column 'tags' has the nested type", FIXTURES.resolve("nested.parquet").toString(), "--target", "y", "--features", "tags");
        refused("target: unknown column 'price'", table, "--target", "price");
    }

    private void refused(String expected, String... args) {
        Path out = dir.resolve("out");
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("audit"));
        all.addAll(java.util.List.of(args));
        all.addAll(java.util.List.of("--out", out.toString(), "--lambda", "0.1"));
        CliRunner r = CliRunner.run(all.toArray(new String[0]));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(expected).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.err().trim().lines().filter(l -> l.startsWith("advrisk: error: ")).count()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    private static String[] concat(String a, String b, String... rest) {
        String[] out = new String[rest.length + 2];
        out[0] = a;
        out[1] = b;
        System.arraycopy(rest, 0, out, 2, rest.length);
        return out;
    }
}
