package org.advrisk.explore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a foreign page, a rebound DNS name or a slow client can make the explorer do (issue 25):
 * cross-site and non-JSON POSTs start nothing, a foreign Host is refused, slow bodies are cut off
 * and do not block others; Jetty's own refusals are JSON. Loopback only; the server is stopped in
 * {@link #stop()} whatever happens.
 */
class RequestGuardTest {
    private static ExploreServer server;
    private static String base;
    private static String origin;
    private static final String SIM = "{\"n\":\"20\",\"trials\":\"1\",\"lambda\":\"0.1\"}";

    @BeforeAll
    static void start() {
        server = ExploreServer.start(0);
        base = "http://" + ExploreServer.HOST + ":" + server.port();
        origin = base;
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** One raw HTTP/1.1 exchange (headers as given, Connection: close); returns status line and body. */
    private static String[] raw(String head, String body) throws IOException {
        try (Socket s = new Socket(ExploreServer.HOST, server.port())) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write((head + "Connection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String[] parts = all.split("\r\n\r\n", 2);
            return new String[] {parts[0].split("\r\n")[0], parts.length > 1 ? parts[1] : "", parts[0]};
        }
    }

    private static void assertJsonError(String[] answer, int status, String field) throws IOException {
        assertThat(answer[0]).as(answer[1]).contains(" " + status + " ");
        assertThat(answer[2].toLowerCase()).contains("content-type: application/json");
        JsonNode j = Http.JSON.readTree(answer[1]);
        assertThat(j.get("field").asText()).isEqualTo(field);
        assertThat(j.get("message").asText()).startsWith(field + ": ");
    }

    @Test
    void aCrossSiteFormPostStartsNothing() throws IOException {
        long before = server.submittedSimulations();
        // what <form method=post action=http://127.0.0.1:7878/api/simulate> on another site sends
        Http.Answer a = Http.post(base, "/api/simulate", "application/x-www-form-urlencoded", "n=20&trials=1",
                Map.of("Origin", "http://evil.example"));
        assertThat(a.status()).as(a.body()).isEqualTo(403);
        assertThat(a.json().get("field").asText()).isEqualTo("Origin");
        // and a same-origin form post is still not JSON
        Http.Answer b = Http.post(base, "/api/simulate", "application/x-www-form-urlencoded", "n=20&trials=1",
                Map.of("Origin", origin));
        assertThat(b.status()).as(b.body()).isEqualTo(415);
        assertThat(b.json().get("field").asText()).isEqualTo("Content-Type");
        assertThat(server.submittedSimulations()).isEqualTo(before);
    }

    @Test
    void aTextPlainPostAndAMultipartPostAreRefusedWith415() throws IOException {
        long before = server.submittedSimulations();
        // text/plain is a "simple" request a foreign page's fetch can send without a preflight
        Http.Answer a = Http.post(base, "/api/simulate", "text/plain", SIM, Map.of());
        assertThat(a.status()).as(a.body()).isEqualTo(415);
        assertThat(a.json().get("field").asText()).isEqualTo("Content-Type");
        Http.Answer m = Http.post(base, "/api/simulate", "multipart/form-data; boundary=x", "--x\r\nbroken", Map.of());
        assertThat(m.status()).as(m.body()).isEqualTo(415);
        assertThat(server.submittedSimulations()).isEqualTo(before);
    }

    @Test
    void aCrossSiteJsonPostOrDeleteIsRefused() throws IOException {
        long before = server.submittedSimulations();
        Http.Answer d = Http.post(base, "/api/simulate", "application/json", SIM, Map.of("Origin", "null"));
        assertThat(d.status()).as(d.body()).isEqualTo(403);
        Http.Answer a = Http.post(base, "/api/simulate", "application/json", SIM, Map.of("Origin", "http://evil.example"));
        assertThat(a.status()).as(a.body()).isEqualTo(403);
        Http.Answer b = Http.post(base, "/api/simulate", "application/json", SIM,
                Map.of("Sec-Fetch-Site", "cross-site"));
        assertThat(b.status()).as(b.body()).isEqualTo(403);
        String[] del = raw("DELETE /api/simulate/1 HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\nOrigin: http://evil.example\r\n", "");
        assertJsonError(del, 403, "Origin");
        assertThat(server.submittedSimulations()).isEqualTo(before);
    }

    @Test
    void aSameOriginJsonPostIsAccepted() throws Exception {
        Http.Answer a = Http.post(base, "/api/simulate", "application/json", SIM, Map.of("Origin", origin));
        assertThat(a.status()).as(a.body()).isEqualTo(202);
        String id = a.json().get("id").asText();
        assertThat(Http.delete(base, "/api/simulate/" + id).status()).isEqualTo(200);
        Http.Answer bad = Http.post(base, "/api/simulate", "application/json", "{\"n\": [20]}", Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("body");
    }

    @Test
    void aForeignHostIsRefusedOnEveryPath() throws IOException {
        for (String path : new String[] {"/", "/api/limits", "/api/figures", "/api/theory?n=10"}) {
            String[] a = raw("GET " + path + " HTTP/1.1\r\nHost: rebound.example:" + server.port() + "\r\n", "");
            assertJsonError(a, 403, "Host");
        }
        String[] ok = raw("GET /api/limits HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\n", "");
        assertThat(ok[0]).contains(" 200 ");
        String[] noPort = raw("GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1\r\n", "");
        assertJsonError(noPort, 403, "Host");
    }

    @Test
    void jettysOwnRefusalsAreJson() throws IOException {
        String[] longUri = raw("GET /api/theory?x=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1:"
                + server.port() + "\r\n", "");
        assertThat(longUri[0]).contains(" 414 ");
        assertThat(Http.JSON.readTree(longUri[1]).get("message").asText()).startsWith("request: ");
        String[] big = raw("POST /api/simulate HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n", "");
        assertJsonError(big, 413, "Content-Length");
    }

    @Test
    void slowBodiesAreCutOffAndDoNotBlockOtherRequests() throws Exception {
        // 6 clients each send a 40-byte body at one byte per second (40 s if let be): the first
        // MAX_BODIES_PER_CLIENT are read until the body deadline (10 s) and answered 408 or cut, the others
        // refused at once (429); meanwhile other requests are answered. Bounded: 6 sockets, < 30 s.
        int clients = 6;
        long before = server.submittedSimulations();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<String>> slow = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                slow.add(pool.submit(RequestGuardTest::slowPost));
            }
            Thread.sleep(1500);
            Http.Answer during = Http.get(base, "/api/limits");
            assertThat(during.status()).isEqualTo(200);
            int cut = 0;
            int refused = 0;
            for (Future<String> f : slow) {
                String outcome = f.get(60, TimeUnit.SECONDS);
                assertThat(outcome).isIn("408", "429", "closed");
                if (outcome.equals("429")) {
                    refused++;
                } else {
                    cut++;
                }
            }
            assertThat(cut).isEqualTo(Limits.MAX_BODIES_PER_CLIENT);
            assertThat(refused).isEqualTo(clients - Limits.MAX_BODIES_PER_CLIENT);
            assertThat(server.submittedSimulations()).isEqualTo(before);
            assertThat(Http.get(base, "/api/limits").status()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Sends a body one byte per second; returns the status the server answered with before the body
     * was complete, or "closed" when it closed the connection; "complete" if the whole body went through.
     */
    private static String slowPost() throws IOException, InterruptedException {
        String body = "{\"n\":\"20\",\"trials\":\"1\",\"seed\":\"123456\"}";
        try (Socket s = new Socket(ExploreServer.HOST, server.port())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(("POST /api/simulate HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
            for (byte b : bytes) {
                if (in.available() > 0) {
                    return status(in);
                }
                try {
                    out.write(b);
                    out.flush();
                } catch (SocketException e) {
                    return in.available() > 0 ? status(in) : "closed";
                }
                Thread.sleep(1000);
            }
            return "complete";
        }
    }

    private static String status(InputStream in) throws IOException {
        byte[] head = new byte[12];
        int n = in.readNBytes(head, 0, head.length);
        String line = new String(head, 0, n, StandardCharsets.US_ASCII);
        return line.length() >= 12 ? line.substring(9, 12) : "closed";
    }
}
