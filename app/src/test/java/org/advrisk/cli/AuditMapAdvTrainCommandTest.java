package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code advrisk audit}: --map ntk, maps with --test/--save-model/--model, and --estimator ridge,advtrain. */
class AuditMapAdvTrainCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static List<Map<String, String>> csv(String out) {
        String[] lines = out.trim().split("\n");
        String[] head = lines[0].split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] v = lines[i].split(",", -1);
            Map<String, String> m = new HashMap<>();
            for (int k = 0; k < head.length; k++) {
                m.put(head[k], v[k]);
            }
            rows.add(m);
        }
        return rows;
    }

    @Test
    void ntkMapRowsArePgdLowerBoundsWithTheFirstOrderValue() throws IOException {
        Path f = write("t.csv", AuditCommandTest.table(40));
        CliRunner r = CliRunner.run("audit", f.toString(), "--target", "y", "--map", "ntk", "--lambda", "0,0.01",
                "--alpha", "0.2", "--attack", "l2,linf", "--format", "csv", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        List<Map<String, String>> rows = csv(r.out());
        assertThat(rows).hasSize(2 * 2);
        for (Map<String, String> m : rows) {
            assertThat(m.get("estimator")).isEqualTo("ridge+ntk");
            assertThat(m.get("certified")).isEqualTo("false");
            assertThat(m.get("p")).isEqualTo("2");
            assertThat(Double.parseDouble(m.get("adv_test_mse"))).isGreaterThanOrEqualTo(Double.parseDouble(m.get("test_mse")));
            assertThat(Double.parseDouble(m.get("adv_test_mse_first_order"))).isPositive();
        }
    }

    /** A map fitted with --test and saved, then read back with --model on the test file: the same rows. */
    @Test
    void mapWithTestFileSavedAndReloadedGivesTheSameRows() throws IOException {
        String all = AuditCommandTest.table(50);
        String[] lines = all.split("\n");
        StringBuilder train = new StringBuilder(lines[0]).append('\n');
        StringBuilder test = new StringBuilder(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            (i <= 38 ? train : test).append(lines[i]).append('\n');
        }
        Path tr = write("train.csv", train.toString());
        Path te = write("test.csv", test.toString());
        for (String map : new String[] {"ntk", "relu:m=80"}) {
            Path m = dir.resolve("m-" + map.replace(':', '_') + ".json");
            CliRunner fit = CliRunner.run("audit", tr.toString(), "--target", "y", "--test", te.toString(), "--map", map,
                    "--lambda", "0.01", "--alpha", "0.3", "--attack", "l2,linf", "--seed", "4", "--save-model", m.toString(),
                    "--format", "csv", "--quiet");
            assertThat(fit.code()).as(fit.err()).isZero();
            JsonNode saved = AuditCommandTest.readJson(Files.readString(m));
            assertThat(saved.get("format").asText()).isEqualTo("advrisk-mapped-model/1");
            assertThat(saved.get("map").asText()).isEqualTo(map);
            assertThat(saved.get("seed").asLong()).isEqualTo(4);
            CliRunner back = CliRunner.run("audit", "--model", m.toString(), te.toString(), "--alpha", "0.3", "--attack",
                    "l2,linf", "--seed", "4", "--format", "csv", "--quiet");
            assertThat(back.code()).as(back.err()).isZero();
            List<Map<String, String>> a = csv(fit.out());
            List<Map<String, String>> b = csv(back.out());
            assertThat(b).hasSameSizeAs(a).hasSize(2);
            for (int k = 0; k < a.size(); k++) {
                assertThat(a.get(k).get("n_test")).isEqualTo("12");
                assertThat(b.get(k).get("estimator")).isEqualTo("external+" + map);
                for (String c : new String[] {"attack", "alpha", "test_mse", "adv_test_mse", "adv_test_mse_se",
                    "adv_test_mse_first_order", "norm_dual", "n_test", "certified"}) {
                    assertThat(b.get(k).get(c)).as(map + " " + c).isEqualTo(a.get(k).get(c));
                }
            }
        }
    }

    @Test
    void advtrainRowsCarryEstimatorAndDeltaAndTheSummaryItsBestDelta() throws IOException {
        Path f = write("t.csv", AuditCommandTest.table(60));
        CliRunner r = CliRunner.run("audit", f.toString(), "--target", "y", "--lambda", "0,0.1", "--estimator",
                "ridge,advtrain", "--delta", "0.05,0.2", "--train-attack", "linf", "--alpha", "0.1", "--attack", "l2,linf",
                "--repeats", "2", "--format", "json", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = AuditCommandTest.readJson(r.out());
        int ridge = 0;
        int adv = 0;
        for (JsonNode row : j.get("rows")) {
            if (row.get("estimator").asText().equals("advtrain")) {
                adv++;
                assertThat(row.get("lambda").isNull()).isTrue();
                assertThat(row.get("delta").asDouble()).isIn(0.05, 0.2);
                assertThat(row.get("train_attack").asText()).isEqualTo("linf");
                assertThat(row.get("certified").asBoolean()).isTrue();
            } else {
                ridge++;
                assertThat(row.get("delta").isNull()).isTrue();
                assertThat(row.get("train_attack").asText()).isEmpty();
            }
        }
        assertThat(ridge).isEqualTo(2 * 2 * 2);
        assertThat(adv).isEqualTo(2 * 2 * 2);
        JsonNode s = j.get("summary").get(0);
        assertThat(s.get("delta_adv").asDouble()).isIn(0.05, 0.2);
        assertThat(s.get("delta_std").asDouble()).isIn(0.05, 0.2);
        assertThat(s.has("adv_test_mse_at_delta_adv")).isTrue();
        assertThat(s.get("lambda_adv").asDouble()).isIn(0.0, 0.1);
        // without advtrain the columns stay as they were
        CliRunner plain = CliRunner.run("audit", f.toString(), "--target", "y", "--lambda", "0.1", "--format", "csv", "--quiet");
        assertThat(plain.out().split("\n")[0]).doesNotContain("delta");
    }

    @Test
    void senselessCombinationsAreRefusedWithTheReason() throws IOException {
        Path f = write("t.csv", AuditCommandTest.table(30));
        Path m = dir.resolve("m.json");
        assertThat(CliRunner.run("audit", f.toString(), "--target", "y", "--lambda", "0.1", "--save-model", m.toString(),
                "--quiet").code()).isZero();
        AuditCommandTest t = new AuditCommandTest();
        t.refused("map: a --model file carries its own map", "audit", "--model", m.toString(), f.toString(), "--map", "ntk");
        t.refused("use --estimator ridge,advtrain", "audit", f.toString(), "--target", "y", "--estimator", "advtrain",
                "--delta", "0.1");
        t.refused("advtrain trains a linear model of the inputs", "audit", f.toString(), "--target", "y", "--estimator",
                "ridge,advtrain", "--delta", "0.1", "--map", "ntk");
        t.refused("--save-model: keeps ridge at the chosen λ", "audit", f.toString(), "--target", "y", "--estimator",
                "ridge,advtrain", "--delta", "0.1", "--save-model", dir.resolve("x.json").toString());
        t.refused("delta: --estimator advtrain needs --delta", "audit", f.toString(), "--target", "y", "--estimator",
                "ridge,advtrain");
        t.refused("train-attack: 'l1' is unknown", "audit", f.toString(), "--target", "y", "--estimator",
                "ridge,advtrain", "--delta", "0.1", "--train-attack", "l1");
        t.refused("map: 'ntk:m=3' is not allowed", "audit", f.toString(), "--target", "y", "--map", "ntk:m=3");
    }
}
