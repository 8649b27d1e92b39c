package org.advrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.advrisk.io.JsonMappers;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes rows (ordered column → value maps) as an aligned table, CSV or JSON. */
public enum OutputFormat {
    TABLE, CSV, JSON;

    /** Writes the rows; every row must have the same columns. */
    public void write(List<Map<String, Object>> rows, PrintWriter out) {
        switch (this) {
            case CSV -> csv(rows, out);
            case JSON -> json(rows, out);
            default -> table(rows, out);
        }
        out.flush();
    }

    private static void csv(List<Map<String, Object>> rows, PrintWriter out) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                    .setHeader(rows.get(0).keySet().toArray(new String[0])).get());
            for (Map<String, Object> r : rows) {
                p.printRecord(r.values());
            }
            p.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void json(List<Map<String, Object>> rows, PrintWriter out) {
        try {
            out.println(JsonMappers.PRETTY.writeValueAsString(sanitize(rows)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON has no NaN/Infinity: such values become null. */
    private static List<Map<String, Object>> sanitize(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> c = new java.util.LinkedHashMap<>(r);
            c.replaceAll((k, v) -> v instanceof Double d && !Double.isFinite(d) ? null : v);
            out.add(c);
        }
        return out;
    }

    private static void table(List<Map<String, Object>> rows, PrintWriter out) {
        if (rows.isEmpty()) {
            out.println("(no rows)");
            return;
        }
        List<String> cols = new ArrayList<>(rows.get(0).keySet());
        List<String[]> cells = new ArrayList<>();
        int[] width = new int[cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            width[c] = cols.get(c).length();
        }
        for (Map<String, Object> r : rows) {
            String[] line = new String[cols.size()];
            for (int c = 0; c < cols.size(); c++) {
                line[c] = cell(r.get(cols.get(c)));
                width[c] = Math.max(width[c], line[c].length());
            }
            cells.add(line);
        }
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cols.size(); c++) {
            sb.append(String.format(Locale.ROOT, "%" + width[c] + "s", cols.get(c))).append(c + 1 < cols.size() ? "  " : "");
        }
        out.println(sb);
        for (String[] line : cells) {
            sb.setLength(0);
            for (int c = 0; c < cols.size(); c++) {
                sb.append(String.format(Locale.ROOT, "%" + width[c] + "s", line[c])).append(c + 1 < cols.size() ? "  " : "");
            }
            out.println(sb);
        }
    }

    static String cell(Object v) {
        if (v instanceof Double d) {
            if (d == 0) {
                return "0";
            }
            return String.format(Locale.ROOT, "%.6g", d);
        }
        return String.valueOf(v);
    }

    /** Parses table, csv or json. */
    public static OutputFormat parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "table" -> TABLE;
            case "csv" -> CSV;
            case "json" -> JSON;
            default -> valueOf(org.advrisk.param.Choices.FORMAT.parse(text).toUpperCase(Locale.ROOT));
        };
    }
}
