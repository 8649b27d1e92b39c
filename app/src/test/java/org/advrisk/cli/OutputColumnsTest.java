package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.advrisk.columns.Column;
import org.advrisk.columns.Columns;
import org.advrisk.columns.RowType;
import org.advrisk.columns.RowTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every column the commands print is registered, and their CSV headers list the columns in the order of
 * their row type in the registry (required columns all there, optional ones where the command sets them).
 */
class OutputColumnsTest {
    @TempDir
    Path tmp;

    /** The header must be the row type's columns in registry order, restricted to those present. */
    private static void assertHeaderFollows(RowType type, List<String> header, String what) {
        for (String name : header) {
            assertThat(Columns.find(name)).as("%s: column %s registered", what, name).isPresent();
        }
        List<String> expected = type.names().stream().filter(header::contains).toList();
        assertThat(header).as(what).isEqualTo(expected);
        for (Column c : type.columns()) {
            if (!type.optional().contains(c)) {
                assertThat(header).as("%s: required %s", what, c.name()).contains(c.name());
            }
        }
    }

    private static List<String> csvHeader(String... args) {
        Cli r = Cli.run(args);
        assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return List.of(r.out().lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow().split(","));
    }

    @Test
    void linearRowsFollowTheLinearRowType() {
        List<String> plain = csvHeader("linear", "--n", "20", "--p", "60", "--lambda", "0,0.1", "--format", "csv");
        assertHeaderFollows(RowTypes.LINEAR, plain, "linear");
        assertThat(plain).doesNotContain("de_std_risk", "estimator");
        List<String> theory = csvHeader("linear", "--n", "20", "--p", "60", "--theory", "--format", "csv");
        assertHeaderFollows(RowTypes.LINEAR, theory, "linear --theory");
        assertThat(theory).contains("de_std_risk", "de_adv_risk", "de_norm_l2");
        List<String> adv = csvHeader("linear", "--n", "20", "--p", "60", "--estimator", "ridge,advtrain", "--delta",
                "0.1", "--format", "csv");
        assertHeaderFollows(RowTypes.LINEAR, adv, "linear --estimator ridge,advtrain");
        assertThat(adv).contains("estimator", "delta", "train_attack", "iterations", "train_gap", "delta0", "delta_bar");
    }

    @Test
    void theorySectionsFollowTheirRowTypes() {
        String[] base = {"theory", "--spectrum", "twolevel:spikes=5,spike=1,tail=1", "--p", "n^2", "--n-grid",
            "50,100", "--lambda", "0,0.1", "--format", "csv", "--show"};
        RowType[] types = {RowTypes.THEORY_RANKS, RowTypes.THEORY_DE, RowTypes.THEORY_TRADEOFF, RowTypes.THEORY_FRONTIER};
        String[] sections = {"ranks", "de", "tradeoff", "frontier"};
        for (int i = 0; i < sections.length; i++) {
            List<String> args = new ArrayList<>(List.of(base));
            args.add(sections[i]);
            assertHeaderFollows(types[i], csvHeader(args.toArray(String[]::new)), "theory --show " + sections[i]);
        }
    }

    @Test
    void ntkRowsFollowTheNtkRowType() {
        assertHeaderFollows(RowTypes.NTK, csvHeader("ntk", "--n", "20", "--d", "30", "--lambda", "0,0.1",
                "--test-size", "50", "--format", "csv"), "ntk --width inf");
        assertHeaderFollows(RowTypes.NTK, csvHeader("ntk", "--n", "20", "--d", "30", "--width", "40", "--gd-steps",
                "5", "--test-size", "50", "--format", "csv"), "ntk --width 40");
    }

    @Test
    void auditRowsAndSummaryFollowTheirRowTypes() throws Exception {
        List<String> rows = csvHeader("audit", "--dataset", "diabetes", "--lambda", "0,0.1", "--format", "csv",
                "--quiet");
        assertHeaderFollows(RowTypes.AUDIT, rows, "audit");
        List<String> scaled = csvHeader("audit", "--dataset", "diabetes", "--lambda", "0,0.1", "--alpha-scale",
                "mean-norm", "--format", "csv", "--quiet");
        assertHeaderFollows(RowTypes.AUDIT, scaled, "audit --alpha-scale mean-norm");
        assertThat(scaled).contains("alpha_eff");
        Cli json = Cli.run("audit", "--dataset", "diabetes", "--lambda", "0,0.1", "--format", "json", "--quiet");
        assertThat(json.code()).isZero();
        JsonNode summary = new ObjectMapper().readTree(json.out()).get("summary").get(0);
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = summary.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        assertHeaderFollows(RowTypes.AUDIT_SUMMARY, keys, "audit summary");
    }

    @Test
    void aRunDirectoryStoresThePointThenTheFamilysColumns() throws Exception {
        Path spec = tmp.resolve("s.yaml");
        Files.writeString(spec, "n: [20, 40]\np: 60\nspectrum: isotropic\nlambda: [0, 0.1]\ntrials: 1\n");
        Cli r = Cli.run("run", spec.toString(), "--out", tmp.resolve("run").toString(), "--no-report", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> header = List.of(Files.readAllLines(tmp.resolve("run").resolve("results.csv")).get(0).split(","));
        assertThat(header.get(0)).isEqualTo(Columns.TRIAL_KEY.name());
        assertHeaderFollows(RowTypes.RUN.then(RowTypes.LINEAR), header.subList(1, header.size()), "run (linear)");
        assertThat(header).contains("de_std_risk");
    }
}
