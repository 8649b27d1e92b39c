package org.advrisk.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.advrisk.data.ReadProgress;

/**
 * The progress of reading a table on stderr: a bar in MB with the speed (MB/s) and the rows read, shown
 * only once a reading has taken longer than {@value #AFTER_MS} ms (short reads stay silent).
 */
final class ReadProgressBar implements ReadProgress {
    static final long AFTER_MS = 1500;

    private final String name;
    private final PrintStream err;
    private final long start = System.nanoTime();
    private ProgressBar bar;

    ReadProgressBar(String name, PrintStream err) {
        this.name = name;
        this.err = err;
    }

    @Override
    public void update(long bytes, long totalBytes, long rows, boolean done) {
        long elapsed = System.nanoTime() - start;
        if (bar == null && !done && elapsed / 1_000_000 >= AFTER_MS) {
            // counted from the start of the reading, so the speed is the reading's average
            bar = new ProgressBarBuilder().setTaskName("reading " + name).setInitialMax(totalBytes > 0 ? totalBytes : -1)
                    .startsFrom(0, java.time.Duration.ofNanos(elapsed)).setUnit(" MB", 1 << 20).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(err, 120)).setUpdateIntervalMillis(250).showSpeed().build();
        }
        if (bar != null) {
            bar.stepTo(bytes);
            bar.setExtraMessage(String.format(java.util.Locale.ROOT, ", %,d rows", rows));
            if (done) {
                bar.close();
                bar = null;
            }
        }
    }
}
