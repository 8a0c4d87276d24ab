package dev.ember.ui;

import dev.ember.events.SqlMetric;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The few pieces every page is made of: escaped text, tables, the page frame with its tabs. */
public final class Html {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final String STYLE = """
            body{font-family:sans-serif;margin:0;color:#222}
            nav{background:#33475b;padding:6px 12px}nav a{color:#fff;margin-right:16px;text-decoration:none}
            nav .brand{font-weight:bold;color:#f90}main{padding:12px}
            table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}
            th{background:#eee}pre{background:#f6f6f6;padding:8px;overflow:auto}.failed{color:#b00}
            """;

    private Html() {
    }

    public static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String link(String href, Object text) {
        return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
    }

    /** A table; cells are HTML already (escape text with {@link #escape}). */
    public static String table(String id, List<String> headers, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("<table id=\"").append(escape(id)).append("\"><thead><tr>");
        headers.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td>").append(cell).append("</td>"));
            out.append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    /** A whole page: the title, the navigation ({@code tabs}: pairs of link and label) and the body. */
    public static String page(String title, List<String[]> tabs, String body) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title><style>").append(STYLE).append("</style></head><body><nav><span class=\"brand\">Ember</span> ");
        tabs.forEach(tab -> out.append(link(tab[0], tab[1])));
        return out.append("</nav><main><h2>").append(escape(title)).append("</h2>").append(body).append("</main></body></html>").toString();
    }

    public static String time(long epochMillis) {
        return epochMillis <= 0 ? "" : TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    public static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format("%.1f s", millis / 1000.0);
        }
        return String.format("%.1f min", millis / 60_000.0);
    }

    public static String bytes(long bytes) {
        return SqlMetric.bytes(bytes);
    }
}
