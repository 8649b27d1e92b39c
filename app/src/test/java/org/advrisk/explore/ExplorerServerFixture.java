package org.advrisk.explore;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One explorer on a free loopback port for a test class's tests ({@link #server}, its address {@link #base}),
 * stopped after them whatever happens. Test classes run one after another, so the fields serve one class at a time.
 */
abstract class ExplorerServerFixture {
    static ExploreServer server;
    static String base;

    @BeforeAll
    static void startExplorer() {
        server = ExploreServer.start(0);
        base = "http://" + ExploreServer.HOST + ":" + server.port();
    }

    @AfterAll
    static void stopExplorer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
