package org.advrisk.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {
    @TempDir
    Path tmp;

    private static final RunEnvironment ENV = new RunEnvironment("test", "java", "blas", "host", "os", 2);

    private static ResultStore open(Path dir, Spec s) throws Exception {
        return ResultStore.open(dir, s, ENV, "test", 1, Sweep.trials(s).size());
    }

    @Test
    void appendsResumesAndDerivesCsvInSweepOrder() throws Exception {
        Spec s = Specs.small(List.of(10, 20), 2, List.of(0.0));
        List<Trial> ts = Sweep.trials(s);
        FakeEvaluator ev = new FakeEvaluator(null);
        Path dir = tmp.resolve("run");
        try (ResultStore st = open(dir, s)) {
            st.append(ts.get(3), Runner.rowsOf(ev, ts.get(3)));
            st.append(ts.get(0), Runner.rowsOf(ev, ts.get(0)));
        }
        try (ResultStore st = open(dir, s)) {
            assertThat(st.finished()).containsExactlyInAnyOrder(ts.get(0).key(), ts.get(3).key());
            assertThat(st.recoveredLines()).isZero();
            st.finish(ts, "interrupted");
        }
        List<String> csv = Files.readAllLines(dir.resolve(ResultStore.CSV));
        assertThat(csv.get(0)).isEqualTo("trial_key,family,spectrum,theta,p_rule,sigma,design,noise,n,p,trial,seed,lambda,"
                + "std_risk,alpha_c");
        assertThat(csv).hasSize(1 + 4);
        assertThat(csv.get(1)).contains("|n=10|trial=0").endsWith(",Infinity");
        assertThat(csv.get(3)).contains("|n=20|trial=1");
        List<Map<String, Object>> rows = ResultStore.readRows(dir);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get("alpha_c")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ResultStore.readManifest(dir).get("status").asText()).isEqualTo("interrupted");
        assertThat(ResultStore.readManifest(dir).get("sessions")).hasSize(2);
    }

    @Test
    void aTrialCutOffMidWriteIsDroppedAndItsLinesTruncated() throws Exception {
        Spec s = Specs.small(List.of(10, 20), 1, List.of(0.0));
        List<Trial> ts = Sweep.trials(s);
        FakeEvaluator ev = new FakeEvaluator(null);
        Path dir = tmp.resolve("run");
        try (ResultStore st = open(dir, s)) {
            st.append(ts.get(0), Runner.rowsOf(ev, ts.get(0)));
            st.append(ts.get(1), Runner.rowsOf(ev, ts.get(1)));
        }
        Path f = dir.resolve(ResultStore.RESULTS);
        String full = Files.readString(f);
        String[] lines = full.split("\n");
        assertThat(lines).hasSize(4);
        // Case 1: the last line is cut in the middle (no newline).
        String cut = lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n" + lines[3].substring(0, 20);
        Files.writeString(f, cut);
        try (ResultStore st = open(dir, s)) {
            assertThat(st.finished()).containsExactly(ts.get(0).key());
            assertThat(st.recoveredLines()).isEqualTo(2);
        }
        assertThat(Files.readString(f)).isEqualTo(lines[0] + "\n" + lines[1] + "\n");
        // Case 2: only the first of a trial's two rows made it.
        Files.writeString(f, lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n");
        try (ResultStore st = open(dir, s)) {
            assertThat(st.finished()).containsExactly(ts.get(0).key());
            st.append(ts.get(1), Runner.rowsOf(ev, ts.get(1)));
        }
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo(full);
    }

    @Test
    void refusesADifferentSpecAForeignDirectoryAndASecondWriter() throws Exception {
        Spec s = Specs.small(List.of(10, 20), 1, List.of(0.0));
        Path dir = tmp.resolve("run");
        try (ResultStore st = open(dir, s)) {
            assertThatThrownBy(() -> open(dir, s))
                    .hasMessage("out: " + dir + " is in use by this process (pid " + ProcessHandle.current().pid()
                            + "); wait for it to finish (or stop it) or choose another --out");
        }
        Spec other = Specs.small(List.of(10, 20), 3, List.of(0.0));
        assertThatThrownBy(() -> open(dir, other))
                .hasMessage("out: " + dir + " holds results of a different spec (trials: 1 there, 3 here); rerun with the"
                        + " same spec to resume, or choose another --out");
        Path foreign = tmp.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> open(foreign, s))
                .hasMessageStartingWith("out: " + foreign + " is not empty and holds no advrisk run");
    }

    @Test
    void aDamagedLineInTheMiddleIsAnErrorNamingItsLineAndNothingIsTruncated() throws Exception {
        Spec s = Specs.small(List.of(10, 20), 2, List.of(0.0));
        List<Trial> ts = Sweep.trials(s);
        FakeEvaluator ev = new FakeEvaluator(null);
        Path dir = tmp.resolve("run");
        try (ResultStore st = open(dir, s)) {
            for (int i = 0; i < 3; i++) {
                st.append(ts.get(i), Runner.rowsOf(ev, ts.get(i)));
            }
        }
        Path f = dir.resolve(ResultStore.RESULTS);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(f));
        assertThat(lines).hasSize(6);
        lines.set(2, lines.get(2).substring(0, 15) + "#garbage");
        String damaged = String.join("\n", lines) + "\n";
        Files.writeString(f, damaged);
        assertThatThrownBy(() -> open(dir, s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(f + " line 3 is damaged (not a JSON row) and 3 line(s) follow it; nothing was changed");
        assertThatThrownBy(() -> ResultStore.readRows(dir)).hasMessageContaining("line 3 is damaged");
        assertThat(Files.readString(f)).isEqualTo(damaged);
        // The same garbage on the last line is a trial cut off by a crash: dropped, the rest kept.
        Files.writeString(f, String.join("\n", lines.subList(0, 2)) + "\n" + lines.get(2) + "\n");
        try (ResultStore st = open(dir, s)) {
            assertThat(st.finished()).containsExactly(ts.get(0).key());
            assertThat(st.recoveredLines()).isEqualTo(1);
        }
    }

    @Test
    void aCorruptManifestIsOneLineWithWhatToDo() throws Exception {
        Spec s = Specs.small(List.of(10), 1, List.of(0.0));
        Path dir = tmp.resolve("run");
        try (ResultStore st = open(dir, s)) {
            st.finish(Sweep.trials(s), "interrupted");
        }
        Files.writeString(dir.resolve(ResultStore.MANIFEST), "{\"format\": \"advrisk-run/1\", \"spec\": {");
        assertThatThrownBy(() -> open(dir, s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(dir.resolve(ResultStore.MANIFEST) + " is damaged (not JSON at line 1); restore it from a"
                        + " backup, or move the directory away and rerun into a new --out");
        Files.writeString(dir.resolve(ResultStore.MANIFEST), "[1, 2]");
        assertThatThrownBy(() -> ResultStore.readManifest(dir)).hasMessageContaining("is not an advrisk manifest");
    }

    @Test
    void aRunThatDiedWhileRunningReadsAsInterruptedAndItsSessionIsClosedOnResume() throws Exception {
        Spec s = Specs.small(List.of(10), 1, List.of(0.0));
        Path dir = tmp.resolve("run");
        try (ResultStore st = open(dir, s)) {
            // closed without finish(): what kill -9 or a full disk leaves behind
            assertThat(ResultStore.status(dir)).isEqualTo("running");
        }
        assertThat(ResultStore.readManifest(dir).get("status").asText()).isEqualTo("running");
        assertThat(ResultStore.status(dir)).isEqualTo("interrupted");
        try (ResultStore st = open(dir, s)) {
            st.finish(Sweep.trials(s), "interrupted");
        }
        var sessions = ResultStore.readManifest(dir).get("sessions");
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0).get("status").asText()).isEqualTo("interrupted");
        assertThat(sessions.get(0).get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void aFailedCsvWriteNamesThePathAndLeavesNoTemporaryFile() throws Exception {
        Spec s = Specs.small(List.of(10), 1, List.of(0.0));
        List<Trial> ts = Sweep.trials(s);
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir);
        try (ResultStore st = open(dir, s)) {
            st.append(ts.get(0), Runner.rowsOf(new FakeEvaluator(null), ts.get(0)));
            // results.csv cannot replace a non-empty directory of that name: the write fails at the move.
            Files.createDirectories(dir.resolve(ResultStore.CSV).resolve("x"));
            assertThatThrownBy(() -> st.finish(ts, "complete"))
                    .isInstanceOf(java.nio.file.FileSystemException.class)
                    .hasMessageStartingWith(dir.resolve(ResultStore.CSV) + ": cannot write (results.jsonl is intact): ")
                    .hasMessageEndingWith("; free space and rerun the same command, or run advrisk report " + dir);
        }
        assertThat(Files.exists(dir.resolve(ResultStore.CSV + ".tmp"))).isFalse();
        assertThat(ResultStore.readRows(dir)).hasSize(2);
    }
}
