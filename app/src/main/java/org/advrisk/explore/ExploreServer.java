package org.advrisk.explore;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The explorer's web server (Javalin on Jetty), bound to 127.0.0.1 only. It serves a fixed set of
 * classpath files (the page, its script and style, the ECharts WebJar; any other path is 404, so no
 * path can reach another file; a path climbing above the root is refused by Jetty itself with 400
 * before any handler runs) and the JSON API:
 * <ul>
 *   <li>{@code GET /api/theory?spectrum=..&n=..&p=..} — the view (see {@link TheoryView});</li>
 *   <li>{@code POST /api/simulate?...} — starts {@code advrisk linear} training sets in the background,
 *       answers 202 with the job; {@code GET /api/simulate/{id}} its progress and result;
 *       {@code DELETE /api/simulate/{id}} cancels it;</li>
 *   <li>{@code POST /api/simulate-ntk?...} — the same for {@code advrisk ntk --width inf} (the NTK panel's
 *       kernel ridge, {@link NtkSimulation}): same jobs, polling, cancelling and limits;</li>
 *   <li>{@code GET /api/limits} — the cost limits;</li>
 *   <li>{@code GET /api/choices} — the declared string choices (values, default, help) the page's lists show;</li>
 *   <li>{@code GET /api/ntk?spectrum=..&n=..&d=..} — the two-layer network's kernel through its
 *       deterministic equivalent ({@link NtkView});</li>
 *   <li>{@code GET /api/figures?run=NAME} — with {@code explore --run DIR} or {@code --runs DIR}: the figure
 *       data of a listed run directory (the report's figures as data, {@link org.advrisk.report.FigureJson}) and
 *       its verdicts, read once ({@link RunCatalog}; without {@code run}: the first run; a name not listed: 404);
 *       {@code GET /api/runs} lists the names, {@code GET /api/run} says whether there is any
 *       ({@code {"run": true|false, "runs": [...]}}).</li>
 * </ul>
 * Bad parameters get 400 with {@code {"field","value","allowed","message"}}. Every request passes
 * {@link RequestGuard} first (this server's Host only, same-origin state changes, JSON bodies, body
 * size and deadline, requests per client); Jetty's own refusals are JSON too ({@link JsonErrorHandler}).
 */
public final class ExploreServer implements AutoCloseable {
    /** The only address the server listens on. */
    public static final String HOST = "127.0.0.1";
    /** ECharts version of the WebJar the page loads. */
    static final String ECHARTS = "5.3.1";

    private static final Map<String, String[]> FILES = files();

    private final Javalin app;
    private final Simulations simulations;
    private final RunCatalog runs;

    private ExploreServer(Javalin app, Simulations simulations, RunCatalog runs) {
        this.app = app;
        this.simulations = simulations;
        this.runs = runs;
    }

    /** The names of the runs served (empty without --run/--runs). */
    public List<String> runNames() {
        return runs.names();
    }

    /** URL path → {classpath resource, content type}: everything the server will ever read. */
    private static Map<String, String[]> files() {
        Map<String, String[]> m = new HashMap<>();
        String web = "/org/advrisk/explore/web/";
        m.put("/", new String[] {web + "index.html", "text/html; charset=utf-8"});
        m.put("/index.html", new String[] {web + "index.html", "text/html; charset=utf-8"});
        m.put("/explore.js", new String[] {web + "explore.js", "text/javascript; charset=utf-8"});
        m.put("/explore.css", new String[] {web + "explore.css", "text/css; charset=utf-8"});
        m.put("/explore-more.js", new String[] {web + "explore-more.js", "text/javascript; charset=utf-8"});
        m.put("/lists.js", new String[] {web + "lists.js", "text/javascript; charset=utf-8"});
        String ec = "/webjars/echarts/" + ECHARTS + "/dist/echarts.min.js";
        m.put(ec, new String[] {"/META-INF/resources" + ec, "text/javascript; charset=utf-8"});
        return m;
    }

    /** Starts a server on 127.0.0.1:{@code port} (0 = a free port). */
    public static ExploreServer start(int port) {
        return start(port, Limits.MAX_CONCURRENT_SIMULATIONS, RunCatalog.NONE);
    }

    /**
     * Starts a server that also serves the figure data of a run directory at {@code /api/figures}.
     *
     * @param run a directory written by advrisk run (or one part of advrisk reproduce); null: none
     */
    public static ExploreServer start(int port, java.nio.file.Path run) throws IOException {
        return start(port, Limits.MAX_CONCURRENT_SIMULATIONS, run == null ? RunCatalog.NONE : RunCatalog.single(run));
    }

    /** Starts a server that serves the figure data of the runs of a catalog ({@code explore --runs DIR}). */
    static ExploreServer start(int port, RunCatalog runs) {
        return start(port, Limits.MAX_CONCURRENT_SIMULATIONS, runs);
    }

    /** Starts a server allowing {@code maxSimulations} concurrent simulations. */
    static ExploreServer start(int port, int maxSimulations) {
        return start(port, maxSimulations, RunCatalog.NONE);
    }

    /** The figures of a run directory as JSON-ready data. */
    static Map<String, Object> figures(java.nio.file.Path run) throws IOException {
        org.advrisk.report.RunData data = org.advrisk.report.RunData.load(run);
        List<Map<String, Object>> figs = new java.util.ArrayList<>();
        for (org.advrisk.report.Figure f : org.advrisk.report.Figures.of(data)) {
            figs.add(org.advrisk.report.FigureJson.of(f));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", run.toString());
        m.put("figures", figs);
        List<Map<String, Object>> verdicts = new java.util.ArrayList<>();
        for (org.advrisk.stats.Verdict v : org.advrisk.report.Reports.checks(data)) {
            verdicts.add(org.advrisk.report.FigureJson.verdict(v));
        }
        m.put("verdicts", verdicts);
        return m;
    }

    private static ExploreServer start(int port, int maxSimulations, RunCatalog runs) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " must be between 0 and 65535 (0 = a free port)");
        }
        Simulations sims = new Simulations(maxSimulations);
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = HOST;
            cfg.jetty.port = port;
            QueuedThreadPool threads = new QueuedThreadPool(16, 2);
            threads.setName("advrisk-explore-http");
            threads.setDaemon(true);
            cfg.jetty.threadPool = threads;
            cfg.jetty.modifyServletContextHandler(h -> h.insertHandler(new RequestGuard()));
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            cfg.jetty.modifyHttpConfiguration(h -> h.setIdleTimeout(Limits.IDLE_TIMEOUT_MS));
            cfg.http.maxRequestSize = Limits.MAX_BODY_BYTES;
            cfg.routes.get("/api/theory", ctx -> theory(ctx));
            cfg.routes.get("/api/limits", ctx -> json(ctx, 200, Limits.asMap()));
            cfg.routes.get("/api/choices", ctx -> json(ctx, 200, ChoiceTable.asMap()));
            cfg.routes.get("/api/ntk", ctx -> json(ctx, 200, NtkView.compute(Query.of(ctx.queryParamMap(), NtkView.ALLOWED))));
            cfg.routes.get("/api/run", ctx -> json(ctx, 200, Map.of("run", !runs.isEmpty(), "runs", runs.names())));
            cfg.routes.get("/api/runs", ctx -> json(ctx, 200, Map.of("runs", runs.names())));
            cfg.routes.get("/api/figures", ctx -> {
                Query q = Query.of(ctx.queryParamMap(), Map.of("run", "one of the names GET /api/runs lists"));
                json(ctx, 200, runs.figures(q.has("run") ? q.text("run", null) : null));
            });
            cfg.routes.post("/api/simulate", ctx -> simulate(ctx, sims));
            cfg.routes.post("/api/simulate-ntk", ctx -> json(ctx, 202, sims.submit(
                    NtkSimulation.parse(Query.of(params(ctx), NtkSimulation.ALLOWED))).status()));
            cfg.routes.get("/api/simulate/{id}", ctx -> json(ctx, 200, job(ctx, sims).status()));
            cfg.routes.delete("/api/simulate/{id}", ctx -> {
                SimulationJob j = job(ctx, sims);
                j.cancel();
                json(ctx, 200, j.status());
            });
            for (Map.Entry<String, String[]> f : FILES.entrySet()) {
                cfg.routes.get(f.getKey(), ctx -> file(ctx, f.getValue()));
            }
            cfg.routes.exception(RefusedRequest.class, (e, ctx) -> json(ctx, e.status(), e.error()));
            cfg.routes.exception(IOException.class, (e, ctx) -> unreadable(ctx, e));
            // A bug, not a user mistake: still one JSON line for the page, status 500.
            // A body that timed out may surface wrapped in an unchecked exception (which side of the body
            // deadline's race wins decides the wrapper): still 408, never 500.
            cfg.routes.exception(RuntimeException.class, (e, ctx) -> {
                if (hasCause(e, RequestGuard.BodyTimeout.class)
                        || hasCause(e, IOException.class) && RequestGuard.pastDeadline(ctx.attribute(RequestGuard.DEADLINE_ATTRIBUTE))) {
                    unreadable(ctx, e);
                    return;
                }
                json(ctx, 500, new ApiError("request", null, null, "internal error (a bug; please report it): " + e));
            });
            cfg.routes.error(404, ctx -> {
                String type = ctx.res().getContentType();
                if (type != null && type.startsWith("application/json")) {
                    return; // an API refusal (unknown job or run): its JSON stays
                }
                ctx.contentType("text/plain; charset=utf-8");
                ctx.result("404 not found: " + ctx.path());
            });
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            sims.close();
            if (hasCause(e, BindException.class)) {
                throw new IllegalArgumentException("port: " + port + " is in use on " + HOST
                        + "; give another --port, or --port 0 for a free one");
            }
            throw e;
        }
        return new ExploreServer(app, sims, runs);
    }

    private static boolean hasCause(Throwable e, Class<?> type) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static void theory(Context ctx) {
        Query q = Query.of(ctx.queryParamMap(), TheoryRequest.ALLOWED);
        TheoryRequest r = TheoryRequest.parse(q);
        Map<String, Object> view;
        try {
            view = TheoryView.compute(r);
        } catch (IllegalArgumentException e) {
            throw q.refuse(e);
        }
        json(ctx, 200, view);
    }

    /** A body that could not be read: 408 when it did not arrive in time, else 400. */
    private static void unreadable(Context ctx, Exception e) {
        if (hasCause(e, RequestGuard.BodyTimeout.class) || RequestGuard.pastDeadline(ctx.attribute(RequestGuard.DEADLINE_ATTRIBUTE))) {
            json(ctx, 408, new ApiError("request", null, "a body complete within "
                    + Limits.BODY_DEADLINE_MS / 1000 + " s", new RequestGuard.BodyTimeout().getMessage()));
            return;
        }
        json(ctx, 400, new ApiError("request", null, null, "request: the body could not be read (" + e + ")"));
    }

    private static void simulate(Context ctx, Simulations sims) {
        SimulationRequest r = SimulationRequest.parse(Query.of(params(ctx), SimulationRequest.ALLOWED));
        json(ctx, 202, sims.submit(new LinearSimulation(r)).status());
    }

    /** The query's and the JSON body's parameters (each given once). */
    private static Map<String, List<String>> params(Context ctx) {
        Map<String, List<String>> params = new LinkedHashMap<>(ctx.queryParamMap());
        for (Map.Entry<String, List<String>> e : BodyParams.of(ctx.bodyAsBytes()).entrySet()) {
            if (params.containsKey(e.getKey())) {
                throw new RefusedRequest(new ApiError(e.getKey(), null, null, e.getKey()
                        + ": given both in the query and in the body; give it once"));
            }
            params.put(e.getKey(), e.getValue());
        }
        return params;
    }

    private static SimulationJob job(Context ctx, Simulations sims) {
        String id = ctx.pathParam("id");
        SimulationJob j = sims.get(id);
        if (j == null) {
            throw new RefusedRequest(404, new ApiError("id", id, "the id of a recent simulation",
                    "id: no simulation '" + id + "' (finished jobs are kept for the last " + Simulations.KEPT + ")"));
        }
        return j;
    }

    private static void file(Context ctx, String[] file) {
        try (InputStream in = ExploreServer.class.getResourceAsStream(file[0])) {
            if (in == null) {
                ctx.status(404).result("404 not found: " + ctx.path());
                return;
            }
            ctx.contentType(file[1]);
            ctx.header("Cache-Control", "no-cache");
            ctx.result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status);
        ctx.contentType("application/json; charset=utf-8");
        ctx.result(JsonBody.write(body));
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** The page's URL. */
    public String url() {
        return "http://" + HOST + ":" + port() + "/";
    }

    /** The hosts the server's connectors are bound to (for tests: only 127.0.0.1). */
    List<String> boundHosts() {
        List<String> out = new java.util.ArrayList<>();
        for (org.eclipse.jetty.server.Connector c : app.jettyServer().server().getConnectors()) {
            if (c instanceof org.eclipse.jetty.server.NetworkConnector nc) {
                out.add(nc.getHost());
            }
        }
        return out;
    }

    /** Simulations running or queued now. */
    int activeSimulations() {
        return simulations.active();
    }

    /** Simulations accepted since the start (for tests: a refused request starts none). */
    long submittedSimulations() {
        return simulations.submitted();
    }

    /** Stops the simulations and the server. */
    @Override
    public void close() {
        simulations.close();
        app.stop();
    }
}
