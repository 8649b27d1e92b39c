package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code advrisk audit}: output shape, files, saved/external models and every bad-input case of the issue. */
class AuditCommandTest {
    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    static String table(int n) {
        StringBuilder b = new StringBuilder("a,b,name,y\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian();
            double c = 10 + 3 * r.nextGaussian();
            b.append(a).append(',').append(c).append(",row").append(i).append(',').append(2 * a - 0.5 * c + r.nextGaussian()).append('\n');
        }
        return b.toString();
    }

    /** A user mistake: exit 2, one line naming the problem, no stack trace. */
    void refused(String expected, String... args) {
        CliRunner r = CliRunner.run(args);
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(expected).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.err().trim().lines().filter(l -> l.startsWith("advrisk: error: ")).count()).as(r.err()).isEqualTo(1);
        assertThat(r.err().trim().lines().filter(l -> !l.startsWith("advrisk: note: ") && !l.startsWith("advrisk: error: ")
                && !l.startsWith("Try ")).count()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void csvRowsHaveTheDocumentedColumnsOnePerSplitLambdaAttackAlpha() throws IOException {
        Path f = write("t.csv", table(40));
        CliRunner r = CliRunner.run("audit", f.toString(), "--target", "y", "--lambda", "0,0.1,1", "--alpha", "0.1,0.2",
                "--attack", "l2,linf", "--repeats", "2", "--format", "csv", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().trim().split("\n");
        assertThat(lines[0]).isEqualTo("split,estimator,lambda,attack,alpha,train_mse,test_mse,adv_test_mse,adv_test_mse_se,"
                + "certified,norm_dual,n_train,n_test,p");
        assertThat(lines).hasSize(1 + 2 * 3 * 2 * 2);
        assertThat(lines[1]).startsWith("split-1,ridge,0.0,l2,0.1,").endsWith(",true," + lines[1].split(",")[10] + ",30,10,2");
    }

    @Test
    void gzipTsvTableAndNonNumericColumnsAreHandled() throws IOException {
        Path f = dir.resolve("t.tsv.gz");
        try (var o = new GZIPOutputStream(Files.newOutputStream(f))) {
            o.write(table(30).replace(',', '\t').getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        CliRunner r = CliRunner.run("audit", f.toString(), "--target", "y", "--lambda", "0.1", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("non-numeric columns left out: name");
        JsonNode j = readJson(r.out());
        assertThat(j.get("rows")).hasSize(1);
        assertThat(j.get("rows").get(0).get("p").asInt()).isEqualTo(2);
        assertThat(j.get("summary").get(0).get("lambda_adv").asDouble()).isEqualTo(0.1);
    }

    @Test
    void outDirectoryHoldsResultsPlotsAndReport() throws IOException {
        Path out = dir.resolve("run");
        CliRunner r = CliRunner.run("audit", "--dataset", "diabetes", "--lambda", "0,logspace:-3,1,5", "--alpha", "0.1,0.3",
                "--attack", "l2,linf", "--cv", "3", "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        for (String name : new String[] {"results.csv", "results.jsonl", "summary.csv", "manifest.json", "report.html",
            "plots/risk-vs-lambda-l2.svg", "plots/frontier.png", "plots/adv-vs-alpha.svg", "plots/coefficients.png"}) {
            assertThat(out.resolve(name)).as(name).isNotEmptyFile();
        }
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(1 + 3 * 6 * 2 * 2);
        // a rerun of the same request into the same directory replaces it (another request is refused: AuditOutDirTest)
        Files.delete(out.resolve("results.csv"));
        assertThat(CliRunner.run("audit", "--dataset", "diabetes", "--lambda", "0,logspace:-3,1,5", "--alpha", "0.1,0.3",
                "--attack", "l2,linf", "--cv", "3", "--out", out.toString(), "--quiet").code()).isZero();
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(1 + 3 * 6 * 2 * 2);
    }

    @Test
    void savedModelIsAuditedWithoutRefittingAndMatchesItsCoefficients() throws IOException {
        Path f = write("t.csv", table(50));
        Path m = dir.resolve("model.json");
        CliRunner fit = CliRunner.run("audit", f.toString(), "--target", "y", "--lambda", "0,0.01,0.1,1", "--save-model",
                m.toString(), "--quiet", "--format", "csv");
        assertThat(fit.code()).as(fit.err()).isZero();
        JsonNode model = new ObjectMapper().readTree(m.toFile());
        assertThat(model.get("format").asText()).isEqualTo("advrisk-linear-model/1");
        double ca = model.get("coefficients").get("a").asDouble();
        double cb = model.get("coefficients").get("b").asDouble();
        double b0 = model.get("intercept").asDouble();
        double sdA = model.get("scaling").get("sd").get("a").asDouble();
        double sdB = model.get("scaling").get("sd").get("b").asDouble();
        CliRunner ext = CliRunner.run("audit", "--model", m.toString(), f.toString(), "--alpha", "0.5", "--attack", "linf",
                "--format", "json", "--quiet");
        assertThat(ext.code()).as(ext.err()).isZero();
        JsonNode row = readJson(ext.out()).get("rows").get(0);
        // direct computation from the saved coefficients over every row of the file
        double mse = 0;
        double adv = 0;
        String[] lines = table(50).split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] c = lines[i].split(",");
            double e = Math.abs(b0 + ca * Double.parseDouble(c[0]) + cb * Double.parseDouble(c[1]) - Double.parseDouble(c[3]));
            mse += e * e;
            double worst = e + 0.5 * (Math.abs(ca) * sdA + Math.abs(cb) * sdB); // linf in standardised units: move α·sd_j
            adv += worst * worst;
        }
        assertThat(row.get("estimator").asText()).isEqualTo("external");
        assertThat(row.get("test_mse").asDouble()).isCloseTo(mse / 50, org.assertj.core.data.Offset.offset(1e-12 * mse));
        assertThat(row.get("adv_test_mse").asDouble()).isCloseTo(adv / 50, org.assertj.core.data.Offset.offset(1e-12 * adv));
        assertThat(row.get("n_test").asInt()).isEqualTo(50);
    }

    @Test
    void threadsDoNotExistAndSameSeedGivesSameBits() throws IOException {
        Path f = write("t.csv", table(60));
        String[] args = {"audit", f.toString(), "--target", "y", "--repeats", "3", "--split-seed", "7", "--format", "csv", "--quiet"};
        assertThat(CliRunner.run(args).out()).isEqualTo(CliRunner.run(args).out());
        String[] other = args.clone();
        other[6] = "8";
        assertThat(CliRunner.run(other).out()).isNotEqualTo(CliRunner.run(args).out());
    }

    @Test
    void badInputIsOneLineWithExitCode2() throws IOException {
        Path good = write("good.csv", table(20));
        refused("row 2, column 'b': 'abc' is not a finite number",
                "audit", write("bad.csv", "a,b,y\n1,2,3\n4,abc,6\n7,8,9\n").toString(), "--target", "y");
        refused("2 row(s) have missing cells, first: rows 2 ('a'), 4 ('b'); use --missing drop",
                "audit", write("miss.csv", "a,b,y\n1,2,3\n,5,6\n7,8,9.5\n1,NA,3\n2,2,2\n3,1,0\n").toString(), "--target", "y");
        CliRunner dropped = CliRunner.run("audit", dir.resolve("miss.csv").toString(), "--target", "y", "--missing", "drop",
                "--test-fraction", "0.5", "--lambda", "1");
        assertThat(dropped.code()).as(dropped.err()).isZero();
        assertThat(dropped.err()).contains("dropped 2 row(s) with missing cells");
        refused("target: unknown column 'zz'", "audit", good.toString(), "--target", "zz");
        refused("features: unknown column 'q'", "audit", good.toString(), "--target", "y", "--features", "a,q");
        refused("drop: unknown column 'q'", "audit", good.toString(), "--target", "y", "--drop", "q");
        refused("duplicate column name 'a'", "audit", write("dup.csv", "a,a,y\n1,2,3\n4,5,6\n").toString(), "--target", "y");
        refused("the file is empty", "audit", write("empty.csv", "").toString(), "--target", "y");
        refused("no data rows after the header", "audit", write("head.csv", "a,b,y\n").toString(), "--target", "y");
        refused("only 1 usable row(s); at least 2 are needed", "audit", write("one.csv", "a,b,y\n1,2,3\n").toString(), "--target", "y");
        refused("'y' is constant (3.0)", "audit", write("cy.csv", "a,b,y\n1,2,3\n4,5,3\n7,1,3\n2,2,3\n5,5,3\n").toString(),
                "--target", "y", "--test-fraction", "0.2");
        Path cf = write("cf.csv", "a,b,y\n1,2,3\n4,2,3.5\n7,2,1\n2,2,3\n5,2,8\n6,2,1\n");
        refused("feature 'b' is constant (2.0)", "audit", cf.toString(), "--target", "y", "--test-fraction", "0.2");
        CliRunner dc = CliRunner.run("audit", cf.toString(), "--target", "y", "--test-fraction", "0.2", "--drop-constant", "--lambda", "1");
        assertThat(dc.code()).as(dc.err()).isZero();
        assertThat(dc.err()).contains("dropped constant column(s) b");
        refused("the columns of", "audit", good.toString(), "--target", "y", "--test",
                write("other.csv", "a,c,name,y\n1,2,x,3\n4,5,x,6\n").toString());
        refused("unknown feature 'zz'", "audit", good.toString(), "--target", "y", "--budget", write("b1.csv", "column,weight\nzz,1\n").toString());
        refused("weight '-1' is not allowed", "audit", good.toString(), "--target", "y", "--budget",
                write("b2.csv", "column,weight\na,-1\n").toString());
        refused("must have 2 columns", "audit", good.toString(), "--target", "y", "--budget", write("b3.csv", "a\n1\n").toString());
        refused("n_train = 1", "audit", write("four.csv", "a,b,y\n1,2,3\n4,5,6\n7,1,9\n2,2,3\n").toString(), "--target", "y",
                "--test-fraction", "0.75");
        refused("row 3 has 2 fields, the header has 4", "audit", write("ragged.csv", "a,b,name,y\n1,2,x,3\n4,5,x,6\n1,2\n").toString(),
                "--target", "y");
        refused("is not valid JSON", "audit", good.toString(), "--model", write("m.json", "{oops").toString());
        refused("lambda: -1 is not allowed; allowed: >= 0", "audit", good.toString(), "--target", "y", "--lambda", "-1");
        refused("dataset: 'iris' is not a shipped data set", "audit", "--dataset", "iris");
        // nothing is written to --out when the input is refused
        Path out = dir.resolve("never");
        refused("unknown column", "audit", good.toString(), "--target", "zz", "--out", out.toString());
        assertThat(out).doesNotExist();
    }

    static JsonNode readJson(String s) throws IOException {
        return new ObjectMapper().readTree(s);
    }
}
