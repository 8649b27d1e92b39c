package org.advrisk.data;

import java.util.Locale;

/** Refuses allocations that would not fit in the JVM's maximum heap, before they are made. */
public final class MemoryBudget {
    private MemoryBudget() {
    }

    /** Throws when {@code bytes} exceed 80% of the maximum heap; {@code what} names the request and its flags. */
    public static void require(long bytes, String what) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > 0.8 * max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s needs about %.1f GiB but the JVM may use %.1f GiB; reduce it, or raise the heap "
                            + "(ADVRISK_JAVA_OPTS=-Xmx…)", what, bytes / 1073741824.0, max / 1073741824.0));
        }
    }
}
