package org.advrisk.explore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Runs before every handler of the explorer (static files and API alike) and answers the requests a
 * foreign page or a slow client could send with the API's JSON error ({@link ApiError}):
 * <ul>
 *   <li>403 unless {@code Host} is {@code 127.0.0.1:PORT} or {@code localhost:PORT} (DNS rebinding);</li>
 *   <li>403 for a state-changing request (anything but GET/HEAD) whose {@code Origin} is not this
 *       server or whose {@code Sec-Fetch-Site} is {@code cross-site} (cross-site forms and scripts);</li>
 *   <li>415 for a POST whose body is not {@code application/json}; 411/413 for a POST without a
 *       {@code Content-Length} or above {@link Limits#MAX_BODY_BYTES};</li>
 *   <li>429 beyond {@link Limits#MAX_REQUESTS_PER_CLIENT} requests (of them
 *       {@link Limits#MAX_BODIES_PER_CLIENT} with a body) in flight from one client address;</li>
 *   <li>a body not complete {@link Limits#BODY_DEADLINE_MS} after the request began fails its reads
 *       (the handler answers 408), so a slow sender holds a thread for a bounded time.</li>
 * </ul>
 */
final class RequestGuard extends Handler.Wrapper {
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> bodies = new ConcurrentHashMap<>();

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        int port = Request.getLocalPort(request);
        String method = request.getMethod();
        boolean safe = "GET".equals(method) || "HEAD".equals(method);
        String host = cut(request.getHeaders().get(HttpHeader.HOST));
        if (!isLocal(host, port, false)) {
            return refuse(response, callback, 403, new ApiError("Host", host, self(port, false),
                    "Host: " + host + " is not this server; the explorer answers only requests to " + self(port, true)
                            + " (a foreign Host is a DNS-rebinding attempt)"));
        }
        if (!safe) {
            String origin = cut(request.getHeaders().get(HttpHeader.ORIGIN));
            if (origin != null && !isLocal(origin, port, true)) {
                return refuse(response, callback, 403, new ApiError("Origin", origin, self(port, true),
                        "Origin: " + origin + " is another site; the explorer takes " + method
                                + " requests only from its own page " + self(port, true)));
            }
            String site = cut(request.getHeaders().get("Sec-Fetch-Site"));
            if ("cross-site".equalsIgnoreCase(site)) {
                return refuse(response, callback, 403, new ApiError("Sec-Fetch-Site", site, "same-origin, none",
                        "Sec-Fetch-Site: cross-site; the explorer takes " + method + " requests only from its own page"));
            }
        }
        boolean hasBody = "POST".equals(method);
        if (hasBody) {
            Refusal bad = body(request);
            if (bad != null) {
                return refuse(response, callback, bad.status(), bad.error());
            }
        }
        String client = Request.getRemoteAddr(request);
        Runnable release = acquire(client, hasBody);
        if (release == null) {
            return refuse(response, callback, 429, new ApiError("request", null, "at most "
                    + Limits.MAX_REQUESTS_PER_CLIENT + " requests (" + Limits.MAX_BODIES_PER_CLIENT
                    + " with a body) at once per client", "request: too many requests from " + client
                    + " at once; wait for one to finish"));
        }
        Deadline timed = hasBody ? new Deadline(request) : null;
        Runnable end = () -> {
            if (timed != null) {
                timed.stop();
            }
            release.run();
        };
        Request guarded = timed != null ? timed : request;
        Callback done = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                try {
                    super.succeeded();
                } finally {
                    end.run();
                }
            }

            @Override
            public void failed(Throwable x) {
                try {
                    super.failed(x);
                } finally {
                    end.run();
                }
            }
        };
        boolean handled;
        try {
            handled = super.handle(guarded, response, done);
        } catch (Exception | Error e) {
            end.run();
            throw e;
        }
        if (!handled) {
            end.run();
        }
        return handled;
    }

    /** A status with its error body. */
    private record Refusal(int status, ApiError error) {
    }

    /** Why a POST's headers are refused, or null. */
    private static Refusal body(Request request) {
        String type = cut(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            return new Refusal(415, new ApiError("Content-Type", type, "application/json",
                    "Content-Type: " + type + " is not accepted; POST the parameters as a JSON object with "
                            + "Content-Type: application/json"));
        }
        long length = request.getLength();
        if (length < 0) {
            return new Refusal(411, new ApiError("Content-Length", null, "0 to " + Limits.MAX_BODY_BYTES,
                    "Content-Length: missing; send the body with its length (no chunked bodies)"));
        }
        if (length > Limits.MAX_BODY_BYTES) {
            return new Refusal(413, new ApiError("Content-Length", Long.toString(length), "0 to "
                    + Limits.MAX_BODY_BYTES, "Content-Length: " + length + " bytes is more than the "
                    + Limits.MAX_BODY_BYTES + " allowed"));
        }
        return null;
    }

    /** Counts one request of {@code client}; null when over a limit. The runnable releases it once. */
    private Runnable acquire(String client, boolean hasBody) {
        AtomicInteger all = inFlight.computeIfAbsent(client, k -> new AtomicInteger());
        AtomicInteger withBody = bodies.computeIfAbsent(client, k -> new AtomicInteger());
        if (all.incrementAndGet() > Limits.MAX_REQUESTS_PER_CLIENT) {
            all.decrementAndGet();
            return null;
        }
        if (hasBody && withBody.incrementAndGet() > Limits.MAX_BODIES_PER_CLIENT) {
            withBody.decrementAndGet();
            all.decrementAndGet();
            return null;
        }
        AtomicBoolean once = new AtomicBoolean();
        return () -> {
            if (once.compareAndSet(false, true)) {
                all.decrementAndGet();
                if (hasBody) {
                    withBody.decrementAndGet();
                }
            }
        };
    }

    /** True when {@code value} (a Host, or an Origin when {@code origin}) names this server. */
    static boolean isLocal(String value, int port, boolean origin) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (origin) {
            if (!v.startsWith("http://")) {
                return false;
            }
            v = v.substring("http://".length());
        }
        for (String name : new String[] {ExploreServer.HOST, "localhost"}) {
            if (v.equals(name + ":" + port) || port == 80 && v.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** A header value as echoed in a message: at most 100 characters. */
    private static String cut(String v) {
        return v == null || v.length() <= 100 ? v : v.substring(0, 100) + "...";
    }

    private static String self(int port, boolean url) {
        return (url ? "http://" : "") + ExploreServer.HOST + ":" + port + " or " + (url ? "http://" : "")
                + "localhost:" + port;
    }

    private static boolean refuse(Response response, Callback callback, int status, ApiError error) {
        // a refused request's body is never read, so Jetty closes the connection after the answer when the body
        // had not all arrived; saying so lets the client open a new one for its next request instead of sending it
        // down a connection being closed (seen as "header parser received no bytes" in a test, once)
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        write(response, callback, status, error);
        return true;
    }

    /** Writes {@code error} as the API's JSON body with {@code status}. */
    static void write(Response response, Callback callback, int status, ApiError error) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        byte[] bytes = JsonBody.write(error).getBytes(StandardCharsets.UTF_8);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** A request whose body reads fail once {@link Limits#BODY_DEADLINE_MS} have passed since it began. */
    private static final class Deadline extends Request.Wrapper {
        private final long deadline;
        private volatile boolean complete;
        private final Scheduler.Task timer;

        Deadline(Request request) {
            super(request);
            deadline = request.getBeginNanoTime() + TimeUnit.MILLISECONDS.toNanos(Limits.BODY_DEADLINE_MS);
            request.setAttribute(DEADLINE_ATTRIBUTE, deadline);
            long left = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            timer = request.getComponents().getScheduler().schedule(() -> {
                if (!complete) {
                    request.fail(timeout());
                }
            }, left, TimeUnit.MILLISECONDS);
        }

        /** The request ended: no timer any more. */
        void stop() {
            complete = true;
            timer.cancel();
        }

        @Override
        public Content.Chunk read() {
            if (!complete && System.nanoTime() - deadline > 0) {
                return Content.Chunk.from(timeout(), true);
            }
            Content.Chunk c = super.read();
            if (c != null && c.isLast()) {
                complete = true;
                timer.cancel();
            }
            return c;
        }

        private static TimeoutException timeout() {
            return new BodyTimeout();
        }
    }

    /** The request attribute holding its body deadline ({@link System#nanoTime()}), for the handlers' error answers. */
    static final String DEADLINE_ATTRIBUTE = "org.advrisk.explore.bodyDeadline";

    /**
     * Whether a body that failed to be read failed because its deadline passed: the timer's failure can reach the
     * reader as another exception (the request failed under it), so the time decides, not the exception's type.
     */
    static boolean pastDeadline(Object deadline) {
        return deadline instanceof Long d && System.nanoTime() - d >= 0;
    }

    /** The body did not arrive in time. */
    static final class BodyTimeout extends TimeoutException {
        private static final long serialVersionUID = 1L;

        BodyTimeout() {
            super("request: the body did not arrive within " + Limits.BODY_DEADLINE_MS / 1000 + " s");
        }
    }
}
