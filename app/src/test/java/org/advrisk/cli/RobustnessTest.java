package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probes of issue 13 that a new user tried: heavy requests, foreign directories, damaged and
 * edited files, oversized and odd specs. Each one must end in one line on stderr, exit code 2 and no
 * stack trace. (Each failed before: OutOfMemoryError, a silent overwrite, a silent truncation, a
 * 20 s parse, a Java class name in the message, ...)
 */
class RobustnessTest {
    @TempDir
    Path tmp;

    static final String SPEC = """
            name: tiny
            seed: 3
            trials: 2
            n: [20, 30]
            p: "2*n"
            spectrum: "twolevel:spikes=2,spike=1,tail=1"
            theta: "top:k=2,norm=1"
            lambda: [0, 0.1]
            alpha: [0.1]
            theory: false
            """;

    private static void oneLineError(Cli r, String contains) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("advrisk: error: ").contains(contains).doesNotContain("\tat ")
                .doesNotContain("Exception");
        assertThat(r.err().strip().lines().count()).as(r.err()).isLessThanOrEqualTo(2); // + picocli's "Try ... --help"
    }

    private Path spec(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.createDirectories(f.getParent());
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    @Test
    void reproduceAndRunRefuseDirectoriesThatAreNotTheirs() throws Exception {
        Path user = tmp.resolve("mine");
        Files.createDirectories(user);
        Files.writeString(user.resolve("thesis.tex"), "mine");
        oneLineError(Cli.run("reproduce", "--quick", "--out", user.toString()), "is not empty and holds no advrisk reproduction");
        assertThat(user.toFile().list()).containsExactly("thesis.tex");
        Path run = tmp.resolve("run");
        Cli ok = Cli.run("run", spec("s.yaml", SPEC).toString(), "--out", run.toString(), "--quiet", "--no-report");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("advrisk: 4 trials (0 already done, 4 run now)");
        oneLineError(Cli.run("reproduce", "--quick", "--out", run.toString()), "is a directory of advrisk run");
        Path repro = tmp.resolve("repro");
        Files.createDirectories(repro);
        Files.writeString(repro.resolve("reproduce.json"), "{\"format\": \"advrisk-reproduce/1\", \"quick\": true}");
        oneLineError(Cli.run("run", tmp.resolve("s.yaml").toString(), "--out", repro.toString()),
                "is a directory of advrisk reproduce");
        Path file = tmp.resolve("afile");
        Files.writeString(file, "x");
        oneLineError(Cli.run("run", tmp.resolve("s.yaml").toString(), "--out", file.toString()), "is a file");
        oneLineError(Cli.run("run", tmp.resolve("s.yaml").toString(), "--out", file.resolve("sub").toString()),
                file.toString());
    }

    @Test
    void oversizedAndOddSpecsAreRefusedFastWithShortMessages() throws Exception {
        // 4 MB on one line: 21 s and an echo of the whole line before; now refused by size before parsing.
        Path big = spec("big.yaml", "a".repeat(4_000_000));
        long t0 = System.nanoTime();
        Cli r = Cli.run("run", big.toString(), "--out", tmp.resolve("x").toString());
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5);
        oneLineError(r, "4000000 bytes is larger than the limit of 1048576 bytes");
        assertThat(r.err().length()).isLessThan(400);
        oneLineError(Cli.run("run", spec("long.yaml", "name: " + "b".repeat(70_000) + "\nn: 10\n").toString(), "--out",
                tmp.resolve("x").toString()), "line 1 has 70006 characters, more than the limit of 65536");
        String base = "n: [10]\np: 20\nspectrum: isotropic\n";
        String[][] cases = {
            {base + "lambda: .inf\n", "line 4: .inf (YAML for infinity) is not allowed"},
            {base + "alpha: .nan\n", "line 4: .nan (YAML for not-a-number) is not allowed"},
            {"n: &a [10]\np: 20\nspectrum: isotropic\nlambda: *a\n", "line 4: the YAML alias *a is not supported"},
            {base + "---\nn: [20]\n", "holds more than one YAML document (a second one starts at line 5)"},
            {"n: [1e12]\np: 20\nspectrum: isotropic\n", "n[0]: 1000000000000 is too large (at most 2147483647)"},
            {base + "lambda: 1e308\n", "lambda: 1.0E308 is too large"},
            {base + "sigma: 1e300\n", "sigma: 1.0E300 is too large"},
            {"n: [10]\np: 20\nspectrum: file:nothere.txt\n", "cannot read file " + tmp.resolve("nothere.txt") + " (no such file)"},
        };
        for (String[] c : cases) {
            oneLineError(Cli.run("run", spec("odd.yaml", c[0]).toString(), "--out", tmp.resolve("x").toString()), c[1]);
        }
        byte[] latin1 = (base + "name: caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(tmp.resolve("latin1.yaml"), latin1);
        oneLineError(Cli.run("run", tmp.resolve("latin1.yaml").toString(), "--out", tmp.resolve("x").toString()),
                "not UTF-8 text: byte 0xe9 at line 4, column 10; save the file as UTF-8");
        assertThat(Files.exists(tmp.resolve("x"))).isFalse();
    }

    @Test
    void heavyRequestsAreRefusedBeforeAllocationNamingTheFlagAndTheLargestValueThatFits() {
        long heap = Runtime.getRuntime().maxMemory();
        // n = 10⁶: n² overflows an int and needs terabytes whatever the heap.
        String[] huge = {"linear", "--n", "1000000", "--p", "4000000", "--spectrum", "twolevel:spikes=2,spike=1,tail=1"};
        oneLineError(Cli.run(huge), "n: 1000000 needs about");
        Cli r = Cli.run(huge);
        assertThat(r.err()).contains("the largest n that fits is").contains("ADVRISK_JAVA_OPTS=-Xmx");
        oneLineError(Cli.run("ntk", "--n", "50", "--d", "10", "--test-size", "2000000000"), "test-size: 2000000000 needs about");
        oneLineError(Cli.run("ntk", "--n", "100000", "--d", "10"), "n: 100000 needs about");
        oneLineError(Cli.run("theory", "--spectrum", "powerlaw:a=2,b=0", "--p", "inf", "--n-grid", "100",
                "--truncation", "2000000000"), "truncation: 2000000000 needs about");
        assertThat(heap).isPositive();
        // The flops refusal of linear also guards run.
        oneLineError(Cli.run("linear", "--n", "2000", "--p", "100000000", "--attack", "linf"), "flops per training set");
    }

    @Test
    void runRefusesHugeSweepsAndStreamingBeyondTheFlopsLimit() throws Exception {
        String sweep = SPEC.replace("trials: 2", "trials: 1000000").replace("n: [20, 30]", "n: \"linspace:10,1000,100\"");
        oneLineError(Cli.run("run", spec("huge.yaml", sweep).toString(), "--out", tmp.resolve("h").toString()),
                "trials: the sweep has 100000000 trials");
        String stream = SPEC.replace("p: \"2*n\"", "p: 100000000").replace("n: [20, 30]", "n: [2000]")
                .replace("alpha: [0.1]", "alpha: [0.1]\nattack: linf");
        oneLineError(Cli.run("run", spec("stream.yaml", stream).toString(), "--out", tmp.resolve("st").toString()),
                "flops per training set");
        assertThat(Files.exists(tmp.resolve("h"))).isFalse();
    }

    @Test
    void editedInputFilesAreNoticedAndRelativePathsFollowTheSpec() throws Exception {
        Path dir = tmp.resolve("specs");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("eigs.txt"), "1\n0.5\n0.25\n0.1\n0.05\n0.02\n");
        Path s = spec("specs/file.yaml", "n: [3]\np: 6\nspectrum: file:eigs.txt\nlambda: [0.1]\ntrials: 2\ntheory: false\n");
        Path out = tmp.resolve("frun");
        Cli first = Cli.run("run", s.toString(), "--out", out.toString(), "--quiet", "--no-report");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("advrisk: 2 trials");
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("spectrum file:" + dir.resolve("eigs.txt"));
        Files.writeString(dir.resolve("eigs.txt"), "1\n0.5\n0.25\n0.1\n0.05\n0.03\n");
        oneLineError(Cli.run("run", s.toString(), "--out", out.toString(), "--quiet", "--no-report"),
                "was run with a different spectrum file:" + dir.resolve("eigs.txt") + " (its content changed");
    }

    @Test
    void aDamagedMiddleLineStopsReportAndResumeWithItsLineNumber() throws Exception {
        Path out = tmp.resolve("dmg");
        Path s = spec("d.yaml", SPEC);
        assertThat(Cli.run("run", s.toString(), "--out", out.toString(), "--quiet", "--no-report").code()).isZero();
        Path f = out.resolve("results.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        lines.set(1, "{\"trial_key\": broken");
        Files.write(f, lines);
        oneLineError(Cli.run("report", out.toString()), f + " line 2 is damaged");
        oneLineError(Cli.run("run", s.toString(), "--out", out.toString(), "--quiet"), f + " line 2 is damaged");
        assertThat(Files.readAllLines(f)).isEqualTo(lines);
    }

    @Test
    void aMisspeltSubcommandGetsASuggestion() {
        Cli r = Cli.run("reprodcue");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Did you mean").contains("reproduce");
    }

    @Test
    void oneNormPlotPerSettingNotOnePerAttack() throws Exception {
        // ‖θ̂‖² does not depend on the attack: two attacks gave two identical norm-vs-n plots before.
        Path out = tmp.resolve("plots");
        Path s = spec("two-attacks.yaml", SPEC.replace("alpha: [0.1]", "alpha: [0.1]\nattack: [l2, linf]"));
        Cli r = Cli.run("run", s.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("plots/risk-vs-n-1.png")).exists();
        assertThat(out.resolve("plots/risk-vs-n-2.png")).exists();
        assertThat(out.resolve("plots/norm-vs-n-1.png")).exists();
        assertThat(out.resolve("plots/norm-vs-n-2.png")).doesNotExist();
        assertThat(Files.readString(out.resolve("report.html"))).contains("complete (4 of 4 trials)");
    }
}
