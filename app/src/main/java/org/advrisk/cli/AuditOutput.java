package org.advrisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advrisk.audit.AuditResult;
import org.advrisk.io.AtomicFiles;
import org.advrisk.io.JsonMappers;
import org.advrisk.report.AuditReport;

/**
 * What {@code advrisk audit} prints and writes: as a table the answer first (a paragraph per attack and α,
 * {@link org.advrisk.report.AuditAnswer}), then rows and summary; or CSV or JSON on stdout;
 * and under {@code --out DIR} results.csv/.jsonl, summary.csv, manifest.json, plots and report.html,
 * every file written to a temporary name and moved into place. Which directories it may write and
 * when is {@link AuditDirectory}'s rule; a refused run writes nothing.
 */
final class AuditOutput {
    private AuditOutput() {
    }

    /** Prints the rows (and, as a table, the summary) in the chosen format. */
    static void print(PrintWriter o, OutputFormat fmt, List<Map<String, Object>> rows, List<Map<String, Object>> sums,
                      int splits) throws IOException {
        if (fmt == OutputFormat.JSON) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("rows", nulls(rows));
            all.put("summary", nulls(sums));
            o.println(JsonMappers.PRETTY.writeValueAsString(all));
            o.flush();
        } else if (fmt == OutputFormat.CSV) {
            fmt.write(rows, o);
        } else {
            for (String line : org.advrisk.report.AuditAnswer.of(sums)) {
                o.println(line);
            }
            o.println();
            fmt.write(rows, o);
            o.println();
            o.println("summary per (attack, alpha), mean over " + splits + " split(s):");
            fmt.write(sums, o);
        }
    }

    /** Writes the --out directory. */
    static void write(Path dir, List<Map<String, Object>> rows, List<Map<String, Object>> sums, AuditResult result,
                      String label, String args, JsonNode request) throws IOException {
        AtomicFiles.write(dir.resolve("results.csv"), csv(rows));
        AtomicFiles.write(dir.resolve("summary.csv"), csv(sums));
        StringBuilder jl = new StringBuilder();
        for (Map<String, Object> r : nulls(rows)) {
            jl.append(JsonMappers.MAPPER.writeValueAsString(r)).append('\n');
        }
        AtomicFiles.write(dir.resolve("results.jsonl"), jl.toString());
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", AuditDirectory.FORMAT);
        manifest.put("command", "audit");
        manifest.put("args", args);
        manifest.put("data", label);
        manifest.put("notes", result.notes());
        manifest.put("java", System.getProperty("java.version"));
        manifest.put("request", request);
        AtomicFiles.write(dir.resolve("manifest.json"), JsonMappers.PRETTY.writeValueAsString(manifest) + "\n");
        AuditReport.write(dir, result, label, sums);
    }

    private static String csv(List<Map<String, Object>> rows) {
        java.io.StringWriter sw = new java.io.StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        OutputFormat.CSV.write(rows, pw);
        return sw.toString();
    }

    private static List<Map<String, Object>> nulls(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> c = new LinkedHashMap<>(r);
            c.replaceAll((k, v) -> v instanceof Double d && !Double.isFinite(d) ? null : v);
            out.add(c);
        }
        return out;
    }
}
