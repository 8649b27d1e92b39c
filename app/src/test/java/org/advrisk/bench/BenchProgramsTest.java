package org.advrisk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every benchmark program under bench/ compiles against the current code, and the stand-alone ones
 * run once at a tiny size, so that a refactoring cannot silently break them (bench/ntk/NtkBench.java
 * once imported a class that had moved). Timings are never asserted here.
 */
class BenchProgramsTest {
    @TempDir
    Path tmp;

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("bench"))) {
            p = p.getParent();
        }
        assertThat(p).as("the repository root (holding bench/)").isNotNull();
        return p;
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void everyBenchmarkSourceCompilesAndTheProgramsRunTiny() throws Exception {
        Path bench = root().resolve("bench");
        List<Path> sources = javaFiles(bench);
        assertThat(sources).extracting(p -> p.getFileName().toString())
                .contains("NtkBench.java", "TheoryPathBench.java", "GramBench.java", "LinearPathPhases.java");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", tmp.toString(), "-proc:none", "-nowarn",
                "-cp", System.getProperty("java.class.path")));
        sources.forEach(s -> args.add(s.toString()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac.run(null, null, err, args.toArray(String[]::new));
        assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
        try (URLClassLoader cl = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, getClass().getClassLoader())) {
            assertThat(run(cl, "NtkBench", "1", "all", "tiny")).contains("gd ").contains("pgd ");
            assertThat(run(cl, "TheoryPathBench", "50", "2000")).isNotBlank();
            assertThat(run(cl, "org.advrisk.bench.GramOnce", "20", "40", "1", "1")).isNotBlank();
            assertThat(run(cl, "org.advrisk.bench.LinearPathPhases", "20", "60", "1", "1")).isNotBlank();
        }
    }

    private static String run(ClassLoader cl, String cls, String... args) throws Exception {
        Method main = cl.loadClass(cls).getMethod("main", String[].class);
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            main.invoke(null, (Object) args);
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
