package org.advrisk.spark;

import java.io.PrintStream;

/** Progress lines on stderr: "advrisk-spark: WHAT: done/total tasks", at most every two seconds and at the end. */
final class Progress {
    private static final long EVERY_NANOS = 2_000_000_000L;
    private final PrintStream out;
    private final String what;
    private final long total;
    private long last;

    Progress(PrintStream out, String what, long total) {
        this.out = out;
        this.what = what;
        this.total = total;
        this.last = System.nanoTime();
    }

    /** Reports {@code done} of the total tasks (printed when due, or when all are done). */
    void update(long done) {
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (done >= total || now - last >= EVERY_NANOS) {
            last = now;
            out.println("advrisk-spark: " + what + ": " + done + "/" + total + " tasks done");
            out.flush();
        }
    }
}
