package org.advrisk.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small HTML helpers: escaping, inline SVG. */
final class Html {
    private Html() {
    }

    static String esc(Object o) {
        String s = String.valueOf(o);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The SVG file's root element, without XML declaration or doctype, scaled to the page width. */
    static String inlineSvg(Path svg) throws IOException {
        String s = Files.readString(svg);
        int start = s.indexOf("<svg");
        if (start < 0) {
            throw new IOException(svg + " holds no <svg> element");
        }
        s = s.substring(start);
        return s.replaceFirst("<svg", "<svg class=\"plot\" role=\"img\"");
    }

    static final String CSS = """
            body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; margin: 16px auto; max-width: 1360px;
                   color: #222; line-height: 1.45; padding: 0 16px; }
            h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 21px; margin-top: 36px; border-bottom: 1px solid #ccc; }
            h3 { font-size: 17px; margin-top: 24px; }
            table { border-collapse: collapse; margin: 10px 0 18px; font-size: 14px; }
            th, td { border: 1px solid #bbb; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #f0f0f0; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.holds { background: #d9f2d9; font-weight: bold; white-space: nowrap; }
            td.fails { background: #f8d0d0; font-weight: bold; white-space: nowrap; }
            td.open { background: #fff1c2; font-weight: bold; white-space: nowrap; }
            figure { margin: 18px 0 28px; } figcaption { font-size: 14px; color: #444; margin-top: 4px; }
            svg.plot { width: 100%; height: auto; max-width: 1100px; border: 1px solid #eee; }
            figure.plot img { width: 100%; max-width: 900px; height: auto; border: 1px solid #eee; }
            .headlines { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 10px; }
            .card { border: 1px solid #ccc; border-radius: 4px; padding: 6px 8px; font-size: 13px; line-height: 1.3; }
            .card h3 { font-size: 14px; margin: 4px 0; } .card figure { margin: 0; }
            .card img { width: 100%; height: auto; } .card figcaption { font-size: 11px; margin: 0; }
            .card p { margin: 3px 0; } .lede { font-size: 14px; color: #444; margin: 0 0 6px; }
            .badge { display: inline-block; padding: 0 5px; border-radius: 3px; font-size: 12px; font-weight: bold;
                     margin: 1px 0; }
            .badge.holds { background: #d9f2d9; } .badge.fails { background: #f8d0d0; } .badge.open { background: #fff1c2; }
            .counts { font-size: 14px; margin: 4px 0 8px; } details { margin: 12px 0; }
            summary { cursor: pointer; font-weight: bold; } td.numbers { font-size: 12px; }
            pre { background: #f7f7f7; padding: 10px; font-size: 13px; overflow-x: auto; }
            .rule { font-size: 14px; color: #333; } .note { font-size: 14px; color: #555; }
            """;
}
