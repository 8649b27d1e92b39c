package org.advrisk.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvNumbersTest {
    private static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return CsvNumbers.parse(b, 0, b.length);
    }

    @Test
    void refusesJavaOnlyNumberSyntax() {
        for (String s : new String[] {"3d", "2.5f", "0x1p3", "1D", "Infinity", "-Infinity", "inf", "1e", "e5", ".", "+", "-",
            "1.2.3", "1e5.5", "1_000", "--1", "0x10", "1e400", "-1e400", "- 1", "1,5"}) {
            assertThat(parse(s)).as(s).isNaN();
            assertThat(CsvNumbers.parse(s)).as(s).isNaN();
        }
    }

    @Test
    void acceptsCsvNumbers() {
        String[] ok = {"1e3", "-0.5", "+2", ".5", "7.", "1E-3", "0", "-0", "123456789012345678901234567890", "4.9e-324",
            "1.7976931348623157e308", "2.2250738585072011e-308", "0.1", "-1.5E+10"};
        for (String s : ok) {
            assertThat(Double.doubleToRawLongBits(parse(s))).as(s).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
        }
    }

    @Test
    void sameBitsAsJavaOnRandomDecimals() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            String s;
            switch (i % 5) {
                case 4 -> {
                    String all = Long.toString(r.nextLong(1, Long.MAX_VALUE)) + r.nextInt(1_000_000_000);
                    String digits = all.substring(0, Math.min(all.length(), r.nextInt(1, 18)));
                    int dot = r.nextInt(digits.length() + 1);
                    s = (r.nextBoolean() ? "-" : "") + digits.substring(0, dot) + "." + digits.substring(dot);
                }
                case 0 -> s = Double.toString(Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL));
                case 1 -> s = String.format(java.util.Locale.ROOT, "%.5f", r.nextGaussian() * Math.pow(10, r.nextInt(8)));
                case 2 -> s = r.nextLong(-1_000_000_000_000L, 1_000_000_000_000L) + "." + r.nextInt(1_000_000);
                default -> s = (r.nextInt(1000) - 500) + "." + String.valueOf(r.nextLong(Long.MAX_VALUE)) + "e"
                        + (r.nextInt(600) - 300);
            }
            double want = Double.parseDouble(s);
            if (!Double.isFinite(want)) {
                continue;
            }
            assertThat(Double.doubleToRawLongBits(parse(s))).as(s).isEqualTo(Double.doubleToRawLongBits(want));
        }
    }

    @Test
    void missingCellsAsBefore() {
        for (String s : new String[] {"", "NA", "na", "N/A", "n/a", "NaN", "nan", "NAN", "null", "NULL", "?"}) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertThat(CsvNumbers.isMissing(b, 0, b.length)).as(s).isTrue();
            assertThat(CsvNumbers.isMissing(s)).as(s).isTrue();
        }
        for (String s : new String[] {"0", "n", "nab", "nul", "nulls", "??", "-nan", "none"}) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertThat(CsvNumbers.isMissing(b, 0, b.length)).as(s).isFalse();
            assertThat(CsvNumbers.isMissing(s)).as(s).isFalse();
        }
    }
}
