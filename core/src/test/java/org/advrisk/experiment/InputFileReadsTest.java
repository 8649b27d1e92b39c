package org.advrisk.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advrisk.model.InputFileCache;
import org.advrisk.model.SpectrumSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code file:} spectrum is read from disk once per run (spec reading and checks, the manifest's hash and
 * every trial of a 5-n, 20-trial sweep), the hash is that of the bytes read, and an edited file is read again.
 */
class InputFileReadsTest {
    @TempDir
    Path tmp;

    /** Collects rows in memory. */
    private static final class MemorySink implements ResultSink {
        final List<Map<String, Object>> rows = new ArrayList<>();

        @Override
        public Set<String> finished() {
            return new HashSet<>();
        }

        @Override
        public void append(Trial trial, List<Map<String, Object>> r) {
            rows.addAll(r);
        }

        @Override
        public void finish(List<Trial> order, String status) {
        }

        @Override
        public void close() {
        }
    }

    private static String spectrum(int p, double tail) {
        StringBuilder b = new StringBuilder("# eigenvalues\r\n");
        for (int i = 0; i < p; i++) {
            b.append(i < 3 ? 1.0 : tail).append(i % 2 == 0 ? "\r\n" : "\n");
        }
        return b.toString();
    }

    private static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    private Spec spec(Path eig) throws Exception {
        String json = "{\"n\": [10, 12, 14, 16, 18], \"p\": 60, \"trials\": 20, \"spectrum\": \"file:" + eig
                + "\", \"theta\": \"top:k=3,norm=1\", \"lambda\": [0, 0.1], \"alpha\": [0.1]}";
        return SpecReader.read(new ObjectMapper().readTree(json), "reads", tmp);
    }

    private List<Map<String, Object>> run(Spec s) throws Exception {
        MemorySink sink = new MemorySink();
        new Runner(TrialEvaluator.forSpec(s), sink, 2, null).run(Sweep.trials(s));
        return sink.rows;
    }

    @Test
    void aFileSpectrumIsReadOncePerRunAndHashedFromTheSameBytes() throws Exception {
        Path eig = tmp.resolve("eig.txt");
        Files.writeString(eig, spectrum(60, 0.05), StandardCharsets.UTF_8);
        assertThat(InputFileCache.reads(eig)).isZero();

        Spec s = spec(eig);
        Map<String, String> hashes = InputFiles.hashes(s);
        List<Map<String, Object>> rows = run(s);

        assertThat(rows).hasSize(5 * 20 * 2); // 5 n x 20 trials x 2 λ (one α, attack, target)
        assertThat(rows).allSatisfy(r -> assertThat((Double) r.get("std_risk")).isFinite());
        assertThat(hashes).containsExactly(Map.entry("spectrum file:" + eig, sha256(eig)));
        assertThat(InputFileCache.reads(eig)).isEqualTo(1);
    }

    @Test
    void anEditedFileIsReadAgainAndItsHashFollows() throws Exception {
        Path eig = tmp.resolve("eig2.txt");
        Files.writeString(eig, spectrum(60, 0.05), StandardCharsets.UTF_8);
        Spec s = spec(eig);
        String before = InputFiles.hashes(s).values().iterator().next();
        List<Map<String, Object>> first = run(s);

        Files.writeString(eig, spectrum(60, 0.5), StandardCharsets.UTF_8); // one more byte per tail line: a new size
        Spec edited = spec(eig);
        String after = InputFiles.hashes(edited).values().iterator().next();
        List<Map<String, Object>> second = run(edited);

        assertThat(InputFileCache.reads(eig)).isEqualTo(2);
        assertThat(after).isNotEqualTo(before).isEqualTo(sha256(eig));
        assertThat(second.get(0).get("std_risk")).isNotEqualTo(first.get(0).get("std_risk"));
    }

    @Test
    void aRefusalIsGivenEachTimeAndTheMendedFileIsRead() throws Exception {
        Path eig = tmp.resolve("bad.txt");
        Files.writeString(eig, "1\nabc\n", StandardCharsets.UTF_8);
        for (int i = 0; i < 2; i++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SpectrumSpec.parse("file:" + eig))
                    .hasMessage("spectrum: " + eig + " line 2: 'abc' is not a number");
        }
        Files.writeString(eig, "1\n0.5\n0.25\n", StandardCharsets.UTF_8);
        assertThat(SpectrumSpec.parse("file:" + eig).withSize(3).p()).isEqualTo(3L);
        assertThat(InputFileCache.reads(eig)).isEqualTo(2);
    }
}
