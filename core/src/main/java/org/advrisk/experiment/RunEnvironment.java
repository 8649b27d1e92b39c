package org.advrisk.experiment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.advrisk.linalg.Blas;

/**
 * Where and with what a run happened: advrisk, Java and BLAS versions and the machine.
 *
 * @param advrisk advrisk version
 * @param java    Java vendor and version
 * @param blas    BLAS library and thread setting
 * @param host    host name
 * @param os      operating system and architecture
 * @param cores   available processors
 */
public record RunEnvironment(String advrisk, String java, String blas, String host, String os, int cores) {

    /** The environment of this JVM. */
    public static RunEnvironment current() {
        return new RunEnvironment(version(),
                System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"),
                Blas.config(), hostName(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
    }

    /** advrisk's version (from the build). */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = RunEnvironment.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) {
            return h;
        }
        try {
            return Files.readString(Path.of("/etc/hostname")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** As a JSON object. */
    public ObjectNode toTree() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("advrisk", advrisk);
        o.put("java", java);
        o.put("blas", blas);
        o.put("host", host);
        o.put("os", os);
        o.put("cores", cores);
        return o;
    }
}
