package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path tmp;

    static final String SPEC = """
            name: tiny
            seed: 4
            trials: 3
            n: [20, 40, 80]
            p: "n^1.5"
            sigma: 0.5
            spectrum: "twolevel:spikes=3,spike=1,tail=1"
            theta: "top:k=3,norm=1"
            lambda: [0, "logspace:-3,0,4"]
            alpha: [0.1, 0.5]
            attack: l2
            """;

    private Path spec(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void badSpecFilesGiveOneLineMessagesAndExitCode2() throws Exception {
        String[][] cases = {
            {"nn: [10]\np: 20\nspectrum: isotropic\n", "nn: unknown field; allowed: name, family, seed, trials, n, p,"},
            {"n: [10]\np: 20\nspectrum: isotropic\nsigma: [0.5, high]\n", "sigma[1]: 'high' is not a number; allowed: finite and >= 0"},
            {"n: [10]\np: 20\nspectrum: isotropic\nlambda: \"logspace:-3,x,4\"\n",
                "lambda: 'logspace:-3,x,4' is a bad grid: FROM, TO and COUNT must be numbers"},
            {"n: [10\np: 20\n", "not valid YAML at line"},
            {"n: 10\nn: 20\np: 20\nspectrum: isotropic\n", "not valid YAML at line 2: Duplicate field 'n'"},
        };
        for (String[] c : cases) {
            Path f = spec("bad.yaml", c[0]);
            Cli r = Cli.run("run", f.toString(), "--out", tmp.resolve("never").toString());
            assertThat(r.code()).as(c[0]).isEqualTo(2);
            assertThat(r.err()).as(c[0]).startsWith("advrisk: error: spec " + f + ": ").contains(c[1])
                    .doesNotContain("\tat ");
            assertThat(r.err().strip().lines()).as(c[0]).hasSize(1);
        }
        Cli missing = Cli.run("run", tmp.resolve("nope.yaml").toString(), "--out", tmp.resolve("x").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml does not exist");
        assertThat(Files.exists(tmp.resolve("never"))).isFalse();
    }

    @Test
    void runWritesResultsPlotsAndReportThenResumesAndRefusesAnotherSpec() throws Exception {
        Path f = spec("tiny.yaml", SPEC);
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", f.toString(), "--out", out.toString(), "--threads", "2", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("advrisk: 9 trials (0 already done, 9 run now) in " + out);
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        // 9 trials × 5 λ × 2 α × 1 attack × 1 target rows, plus the header.
        assertThat(csv).hasSize(1 + 9 * 5 * 2);
        assertThat(csv.get(0)).startsWith("trial_key,family,spectrum,theta,p_rule,sigma,design,noise,n,p,trial,seed,lambda,"
                + "alpha,attack,target,");
        // theory defaults to true: deterministic-equivalent columns sit next to the simulated ones.
        assertThat(csv.get(0)).contains(",std_risk,de_std_risk,adv_risk,de_adv_risk,", ",gt_adv_risk,norm_l2,de_norm_l2,"
                + "norm_dual,alpha_c,train_mse");
        try (Stream<Path> s = Files.list(out.resolve("plots"))) {
            List<Path> plots = s.toList();
            assertThat(plots).extracting(p -> p.getFileName().toString()).contains("risk-vs-n.png", "risk-vs-n.svg",
                    "norm-vs-n.png", "norm-vs-n.svg", "risk-vs-lambda-a0_1.svg", "frontier-a0_5.png");
            for (Path p : plots) {
                byte[] b = Files.readAllBytes(p);
                if (p.toString().endsWith(".png")) {
                    assertThat(b).hasSizeGreaterThan(5000).startsWith(0x89, 'P', 'N', 'G');
                } else {
                    assertThat(new String(b, java.nio.charset.StandardCharsets.UTF_8)).contains("<svg").contains("<path")
                            .hasSizeGreaterThan(5000);
                }
            }
        }
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("id=\"verdicts\"", "id=\"plot-risk-vs-n\"", "id=\"plot-frontier-a0_5\"")
                // Self-contained: nothing loaded from elsewhere (the svg xmlns URIs are names, not fetches).
                .doesNotContain("src=\"http", "href=\"http", "<link", "<script", "@import", "url(http");

        Cli again = Cli.run("run", f.toString(), "--out", out.toString(), "--quiet");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("9 trials (9 already done, 0 run now)");
        assertThat(Files.readAllLines(out.resolve("results.csv"))).isEqualTo(csv);
        String resumedHtml = Files.readString(out.resolve("report.html"));

        Path other = spec("other.yaml", SPEC.replace("trials: 3", "trials: 4"));
        Cli refused = Cli.run("run", other.toString(), "--out", out.toString(), "--quiet");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("advrisk: error: out: " + out + " holds results of a different spec (trials: 3"
                + " there, 4 here); rerun with the same spec to resume, or choose another --out" + System.lineSeparator());

        Cli report = Cli.run("report", out.toString());
        assertThat(report.code()).isZero();
        // Re-rendering from the stored results gives the same page (plots included, byte for byte).
        assertThat(Files.readString(out.resolve("report.html"))).isEqualTo(resumedHtml);
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalResultFiles() throws Exception {
        Path f = spec("tiny.yaml", SPEC);
        for (String t : List.of("1", "2")) {
            Cli r = Cli.run("run", f.toString(), "--out", tmp.resolve("t" + t).toString(), "--threads", t, "--quiet",
                    "--no-report");
            assertThat(r.code()).as(r.err()).isZero();
        }
        for (String file : List.of("results.jsonl", "results.csv")) {
            assertThat(Files.readString(tmp.resolve("t2").resolve(file)))
                    .isEqualTo(Files.readString(tmp.resolve("t1").resolve(file)));
        }
    }
}
