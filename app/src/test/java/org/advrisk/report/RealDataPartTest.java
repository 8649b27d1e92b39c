package org.advrisk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.advrisk.audit.RealDataClaims;
import org.advrisk.stats.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real-data part writes its files once, re-reads the same verdicts as RealDataClaims, and resumes. */
class RealDataPartTest {
    @TempDir
    Path tmp;

    @Test
    void writesVerdictsThatMatchRealDataClaimsAndRerunsWithoutRecomputing() throws Exception {
        Path dir = tmp.resolve("real-data");
        RealDataPart.write(dir);
        assertThat(dir.resolve(RealDataPart.JSON)).exists();
        List<String> csv = Files.readAllLines(dir.resolve(RealDataPart.CSV));
        // Two data sets × two budgets, one row each after the header.
        assertThat(csv).hasSize(1 + 4);
        assertThat(csv.get(1)).startsWith("gasoline,45,15,401,50,l2,0.1,");
        List<Verdict> vs = RealDataPart.verdicts(dir);
        List<RealDataClaims.Result> direct = RealDataClaims.run(RealDataClaims.defaultCases(),
                RealDataClaims.Settings.DEFAULT);
        assertThat(vs).hasSize(2 * direct.size());
        for (int i = 0; i < direct.size(); i++) {
            // Read back from the file: the same decisions and criteria (name, estimate, interval, threshold).
            assertThat(vs.get(2 * i)).as("re-read from the file: the same verdict value").isEqualTo(direct.get(i).claimOne());
            assertThat(vs.get(2 * i + 1)).isEqualTo(direct.get(i).claimTwo());
            assertThat(VerdictText.numbers(vs.get(2 * i))).contains("Why: ");
        }
        FileTime t = FileTime.fromMillis(0);
        Files.setLastModifiedTime(dir.resolve(RealDataPart.JSON), t);
        RealDataPart.write(dir);
        assertThat(Files.getLastModifiedTime(dir.resolve(RealDataPart.JSON))).isEqualTo(t);
        // A damaged file (an interrupted earlier write) is recomputed, not trusted.
        Files.writeString(dir.resolve(RealDataPart.JSON), "{\"format\": ");
        RealDataPart.write(dir);
        assertThat(RealDataPart.verdicts(dir)).isEqualTo(vs);
    }
}
