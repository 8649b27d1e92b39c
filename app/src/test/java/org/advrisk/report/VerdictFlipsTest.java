package org.advrisk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.advrisk.stats.Decision;
import org.advrisk.stats.Numbers;
import org.advrisk.stats.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictFlipsTest {
    private static Verdict v(String claim, String setting, Decision d) {
        return new Verdict(claim, setting, "m", new Numbers(List.of()), d, List.of(), "rule");
    }

    @Test
    void aDecisionThatDiffersIsAFlipMatchedByClaimAndSettingOrByAUniqueClaim() {
        List<Verdict> here = List.of(v("(i)", "twolevel n=50..1600", Decision.HOLDS), v("(i)", "powerlaw n=50..1600",
                Decision.HOLDS), v("(iii) ridge", "n=50..800", Decision.HOLDS), v("(ii)", "a", Decision.HOLDS));
        List<Verdict> there = List.of(v("(i)", "twolevel n=50..1600", Decision.HOLDS), v("(i)", "powerlaw n=50..1600",
                Decision.INCONCLUSIVE), v("(iii) ridge", "n=100..800", Decision.INCONCLUSIVE));
        List<VerdictFlips.Flip> f = VerdictFlips.between(here, there);
        assertThat(f).containsExactly(
                new VerdictFlips.Flip("(i)", "powerlaw n=50..1600", "HOLDS", "INCONCLUSIVE"),
                new VerdictFlips.Flip("(iii) ridge", "n=50..800", "HOLDS", "INCONCLUSIVE"));
        assertThat(VerdictFlips.between(here, here)).isEmpty();
    }

    @Test
    void siblingIsTheNewestReproductionOfTheOtherMode(@TempDir Path tmp) throws Exception {
        Path self = Files.createDirectories(tmp.resolve("default"));
        write(self, false, 3000);
        Path oldQuick = Files.createDirectories(tmp.resolve("q1"));
        write(oldQuick, true, 1000);
        Path newQuick = Files.createDirectories(tmp.resolve("q2"));
        write(newQuick, true, 2000);
        Files.createDirectories(tmp.resolve("other-default"));
        write(tmp.resolve("other-default"), false, 4000);
        Files.createDirectories(tmp.resolve("not-a-reproduction"));
        assertThat(VerdictFlips.sibling(self, false)).contains(newQuick.toAbsolutePath().normalize());
        assertThat(VerdictFlips.sibling(newQuick, true)).contains(tmp.resolve("other-default").toAbsolutePath().normalize());
        assertThat(VerdictFlips.isMode(tmp.resolve("not-a-reproduction"), true)).isFalse();
    }

    private static void write(Path dir, boolean quick, long millis) throws Exception {
        Path f = dir.resolve(Reports.REPRODUCE);
        Files.writeString(f, "{\"format\":\"advrisk-reproduce/1\",\"quick\":" + quick + ",\"parts\":[]}");
        Files.setLastModifiedTime(f, FileTime.fromMillis(millis));
    }
}
