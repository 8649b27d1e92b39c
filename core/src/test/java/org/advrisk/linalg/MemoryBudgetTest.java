package org.advrisk.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one memory budget: both refusals keep their wording, and the largest fitting value is found. */
class MemoryBudgetTest {
    @Test
    void namesTheLargestValueThatFits() {
        long unit = Math.max(1, MemoryBudget.available() / 1000);
        long largest = MemoryBudget.available() / unit; // bytesAt(v) = v·unit ≤ available ⇔ v ≤ available / unit
        assertThatCode(() -> MemoryBudget.require("n", largest, v -> v * unit, "test")).doesNotThrowAnyException();
        assertThatThrownBy(() -> MemoryBudget.require("n", 5 * largest, v -> v * unit, "a test matrix"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("n: " + 5 * largest + " needs about ")
                .hasMessageContaining("(a test matrix) but the JVM may use ")
                .hasMessageContaining("the largest n that fits is " + largest + ";");
    }

    @Test
    void refusesBytesAboveTheShareOfTheHeap() {
        long max = Runtime.getRuntime().maxMemory();
        assertThatCode(() -> MemoryBudget.require((long) (0.5 * max), "half")).doesNotThrowAnyException();
        assertThatThrownBy(() -> MemoryBudget.require(2 * max, "the 9×9 Gram of --features"))
                .hasMessageStartingWith("the 9×9 Gram of --features needs about ")
                .hasMessageEndingWith("GiB; reduce it, or raise the heap (ADVRISK_JAVA_OPTS=-Xmx…)");
    }

    @Test
    void saturatesProductsAndWritesSizes() {
        assertThat(MemoryBudget.sat(3, 4)).isEqualTo(12);
        assertThat(MemoryBudget.sat(Long.MAX_VALUE / 2, 3)).isEqualTo(Long.MAX_VALUE / 16);
        assertThat(MemoryBudget.size(3L << 30)).isEqualTo("3.0 GiB");
        assertThat(MemoryBudget.size(5L << 20)).isEqualTo("5 MiB");
    }
}
