package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit --attack-scale G}: budgets α·sd_j^G in raw units with --standardize off, checked against the same
 * audit given those budgets as a --budget file whose weights sd_j^G this test computes itself (two-pass sd,
 * ddof 0, of the training table); G = 0 is today's output; the flag is refused with --standardize on.
 */
class AuditAttackScaleTest {
    @TempDir
    Path dir;

    private static final int P = 6;

    private double[][] table(Path f, int n, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        double[] scale = {0.1, 1, 3, 10, 0.5, 40};
        double[][] x = new double[n][P];
        StringBuilder b = new StringBuilder("x0,x1,x2,x3,x4,x5,y\n");
        for (int i = 0; i < n; i++) {
            double y = 0;
            for (int j = 0; j < P; j++) {
                x[i][j] = scale[j] * r.nextGaussian() + j;
                y += x[i][j] / scale[j] / (j + 1);
                b.append(x[i][j]).append(',');
            }
            b.append(y + 0.3 * r.nextGaussian()).append('\n');
        }
        Files.writeString(f, b.toString());
        return x;
    }

    private static double[] rows(String csv, String column) {
        String[] lines = csv.trim().split("\n");
        int c = java.util.Arrays.asList(lines[0].split(",")).indexOf(column);
        double[] out = new double[lines.length - 1];
        for (int i = 1; i < lines.length; i++) {
            out[i - 1] = Double.parseDouble(lines[i].split(",")[c]);
        }
        return out;
    }

    @Test
    void shapedBudgetsAreTheBudgetFileOfSdToTheG() throws IOException {
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        double[][] x = table(train, 40, 1);
        table(test, 30, 2);
        String[] base = {"audit", train.toString(), "--target", "y", "--test", test.toString(), "--standardize", "off",
            "--lambda", "0.01,0.1,1", "--alpha", "0.05,0.2", "--attack", "l2,linf", "--format", "csv", "--quiet"};
        CliRunner plain = CliRunner.run(base);
        assertThat(plain.code()).as(plain.err()).isZero();
        CliRunner zero = CliRunner.run(concat(base, "--attack-scale", "0"));
        assertThat(zero.out()).isEqualTo(plain.out());
        for (double g : new double[] {0.5, 1, 2}) {
            StringBuilder w = new StringBuilder("column,weight\n");
            for (int j = 0; j < P; j++) {
                double mean = 0;
                for (double[] row : x) {
                    mean += row[j] / x.length;
                }
                double ss = 0;
                for (double[] row : x) {
                    ss += (row[j] - mean) * (row[j] - mean);
                }
                w.append("x").append(j).append(',').append(Math.pow(Math.sqrt(ss / x.length), g)).append('\n');
            }
            Path wf = dir.resolve("w" + g + ".csv");
            Files.writeString(wf, w.toString());
            CliRunner shaped = CliRunner.run(concat(base, "--attack-scale", Double.toString(g)));
            CliRunner budget = CliRunner.run(concat(base, "--budget", wf.toString()));
            assertThat(shaped.code()).as(shaped.err()).isZero();
            for (String col : new String[] {"norm_dual", "adv_test_mse"}) {
                double[] a = rows(shaped.out(), col);
                double[] b = rows(budget.out(), col);
                assertThat(a).hasSameSizeAs(b).hasSize(3 * 2 * 2);
                for (int i = 0; i < a.length; i++) {
                    assertThat(a[i]).as("%s row %d, G = %s", col, i, g).isCloseTo(b[i], within(1e-10 * Math.abs(b[i])));
                }
                assertThat(a).as("G = %s changes the numbers", g).isNotEqualTo(rows(plain.out(), col));
            }
        }
    }

    @Test
    void refusedWithStandardizedFeaturesAndOutOfRange() throws IOException {
        Path train = dir.resolve("t.csv");
        table(train, 20, 3);
        for (String[] args : new String[][] {{"--attack-scale", "1"}, {"--attack-scale", "3", "--standardize", "off"}}) {
            CliRunner r = CliRunner.run(concat(new String[] {"audit", train.toString(), "--target", "y", "--quiet"}, args));
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains("attack-scale").doesNotContain("Exception");
            assertThat(r.err().trim().split("\n")).hasSize(1);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
