package org.advrisk.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The shutdown gate on a private instance (the JVM-wide one is only drained at exit): draining waits
 * for every call under way, and no call starts once draining began.
 */
class NativeGateTest {

    @Test
    void drainWaitsForTheCallUnderWayAndThenReturns() throws Exception {
        NativeGate gate = new NativeGate(60_000);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread call = new Thread(() -> {
            gate.enter();
            try {
                inside.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                gate.leave();
            }
        });
        call.start();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        Thread drain = new Thread(() -> gate.drain(System.err));
        drain.start();
        drain.join(300);
        assertThat(drain.isAlive()).as("drain returned while a call was under way").isTrue();
        assertThat(gate.inFlight()).isEqualTo(1);
        release.countDown();
        drain.join(10_000);
        assertThat(drain.isAlive()).as("drain still waiting after the call returned").isFalse();
        assertThat(gate.inFlight()).isZero();
    }

    @Test
    void noCallStartsOnceDrainingBegan() throws Exception {
        NativeGate gate = new NativeGate(60_000);
        gate.drain(System.err); // nothing in flight: returns at once
        AtomicBoolean started = new AtomicBoolean();
        Thread late = new Thread(() -> {
            gate.enter();
            started.set(true);
            gate.leave();
        });
        late.setDaemon(true); // parked for good, as a worker is while the JVM exits
        late.start();
        late.join(300);
        assertThat(late.isAlive()).isTrue();
        assertThat(started).isFalse();
        assertThat(gate.inFlight()).isZero();
        late.interrupt(); // interruption does not let it through either
        late.join(300);
        assertThat(started).isFalse();
    }

    @Test
    void aLongWaitIsExplainedOnTheNoticeStream() throws Exception {
        NativeGate gate = new NativeGate(0);
        gate.enter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> gate.drain(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        drain.start();
        drain.join(500);
        gate.leave();
        drain.join(10_000);
        assertThat(drain.isAlive()).isFalse();
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .startsWith("advrisk: stopping: waiting for a running BLAS/LAPACK call to return");
    }
}
