package org.advrisk.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;

/**
 * What advrisk checks before it starts a Spark context, so that a mistake costs one line and exit 2
 * instead of a stack trace, a minute of retries or an open port: the master URL's form, a cap on
 * {@code local[N]} threads, a reachable standalone master, and a web UI that stays on the loopback
 * interface for local masters.
 */
final class SparkGuard {
    /** local[N] may ask for at most this many threads per available core. */
    static final int THREADS_PER_CORE = 4;
    /** How long a standalone master may take to accept a TCP connection. */
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    static final String ALLOWED = "local, local[N], local[*], local[N,F], spark://HOST:PORT[,HOST:PORT...], yarn,"
            + " k8s://URL, local-cluster[N,C,M]";
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,(\\d+))?\\])?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\d+,\\d+,\\d+\\]");
    private static final Pattern STANDALONE = Pattern.compile("spark://([^/\\s]+)/?");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+\\]|[^:\\[\\]]+):(\\d{1,5})");

    private SparkGuard() {
    }

    /** True for the masters whose executors run inside this JVM or on this machine only. */
    static boolean local(String master) {
        return LOCAL.matcher(master).matches() || LOCAL_CLUSTER.matcher(master).matches();
    }

    /** Refuses a master URL Spark cannot parse, and local[N] beyond the thread cap (cores × 4). */
    static void checkMaster(String master, int cores) {
        Matcher m = LOCAL.matcher(master);
        if (m.matches()) {
            int cap = THREADS_PER_CORE * cores;
            checkThreads(master, m.group(1), cap);
            if (m.group(2) != null) {
                checkCount(master, "task failures F", m.group(2), 1, 1000);
            }
            return;
        }
        if (LOCAL_CLUSTER.matcher(master).matches() || master.equals("yarn")
                || (master.startsWith("k8s://") && master.length() > 6)) {
            return;
        }
        if (STANDALONE.matcher(master).matches()) {
            standaloneAddresses(master);
            return;
        }
        throw new IllegalArgumentException("master: '" + master + "' is not a Spark master URL; allowed: " + ALLOWED);
    }

    private static void checkThreads(String master, String n, int cap) {
        if (n == null || n.equals("*")) {
            return;
        }
        checkCount(master, "threads N", n, 1, cap);
    }

    private static void checkCount(String master, String what, String digits, int min, int max) {
        long v = digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (v < min || v > max) {
            String rule = what.startsWith("threads")
                    ? " (" + THREADS_PER_CORE + " per core, " + (max / THREADS_PER_CORE) + " cores here; local[*] uses every core)"
                    : "";
            throw new IllegalArgumentException("master: " + master + " asks for " + digits + " " + what + "; allowed: "
                    + min + " to " + max + rule);
        }
    }

    /** The host:port pairs of a spark:// URL, refused when malformed. */
    static List<InetSocketAddress> standaloneAddresses(String master) {
        Matcher m = STANDALONE.matcher(master);
        if (!m.matches()) {
            throw new IllegalArgumentException("master: '" + master + "' is not a Spark master URL; allowed: " + ALLOWED);
        }
        List<InetSocketAddress> out = new ArrayList<>();
        for (String part : m.group(1).split(",")) {
            Matcher hp = HOST_PORT.matcher(part);
            int port = hp.matches() ? Integer.parseInt(hp.group(2)) : -1;
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("master: '" + master + "': '" + part + "' is not HOST:PORT with a"
                        + " port from 1 to 65535; e.g. spark://head-node:7077");
            }
            out.add(InetSocketAddress.createUnresolved(hp.group(1).replaceAll("^\\[|\\]$", ""), port));
        }
        return out;
    }

    /**
     * For a spark:// master: refuses it unless one of its masters accepts a TCP connection within
     * {@code timeoutMillis} (Spark itself retries for a minute or more, printing traces).
     */
    static void checkReachable(String master, int timeoutMillis) {
        if (!STANDALONE.matcher(master).matches()) {
            return;
        }
        String last = "";
        for (InetSocketAddress a : standaloneAddresses(master)) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getByName(a.getHostString()), a.getPort()), timeoutMillis);
                return;
            } catch (UnknownHostException e) {
                last = "unknown host " + a.getHostString();
            } catch (IOException e) {
                last = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        throw new IllegalArgumentException("master: " + master + " is unreachable (" + last + "; waited at most "
                + timeoutMillis / 1000 + " s per address); check the host and port, or start the master");
    }

    /**
     * Spark binds its web UI to SPARK_LOCAL_IP, else to every interface, whatever spark.driver.host
     * says. For a local master an enabled UI needs SPARK_LOCAL_IP on the loopback interface (the
     * ./advrisk wrapper sets it for local masters).
     */
    static void checkUi(SparkConf conf, String master, String sparkLocalIp) {
        if (!conf.getBoolean("spark.ui.enabled", false) || !local(master)) {
            return;
        }
        if (sparkLocalIp != null && loopback(sparkLocalIp)) {
            return;
        }
        throw new IllegalArgumentException("conf: spark.ui.enabled=true with master " + master + " would open Spark's"
                + " web UI on every network interface; allowed: with SPARK_LOCAL_IP=127.0.0.1 (the ./advrisk wrapper"
                + " sets it for local masters), or leave the UI off");
    }

    private static boolean loopback(String ip) {
        try {
            return InetAddress.getByName(ip.trim()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** One line for a Spark context that did not start: the deepest message of the failure. */
    static IllegalArgumentException startFailure(String master, Throwable e) {
        Throwable root = e;
        String msg = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                msg = t.getMessage();
            }
        }
        String line = msg == null ? root.getClass().getSimpleName() : msg.strip().lines().findFirst().orElse("");
        if (line.length() > 300) {
            line = line.substring(0, 300) + "…";
        }
        return new IllegalArgumentException("engine: Spark did not start with master " + master
                + " and the --conf settings given: " + line, e);
    }
}
