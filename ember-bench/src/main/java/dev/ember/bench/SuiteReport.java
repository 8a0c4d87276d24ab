package dev.ember.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one suite: per query (and heap), each engine's median seconds and spread, the
 * ratios Ember/Spark and Ember/DuckDB, whether the answers agree, and the geometric means over the
 * queries that every engine answered alike (a time counts only when the answers agree); then each
 * engine's start-up and peak resident memory. As Markdown for people and JSON for tools, both with
 * the machine, the versions and the settings.
 */
public final class SuiteReport {
    /** One query at one heap: what each engine that runs it reported. */
    public record Row(String query, String heap, Map<String, EngineRun.Query> byEngine, String answers) {
        /** Every engine ran it and all agree: the row counts towards the geometric means. */
        boolean counted(List<String> engines) {
            return answers.equals("agree") && byEngine.keySet().containsAll(engines);
        }
    }

    private final BenchOptions options;
    private final Workload workload;
    private final List<String> heaps;
    private final List<EngineRun> results;
    private final List<String> notes;
    private final List<Row> rows = new ArrayList<>();

    public SuiteReport(BenchOptions options, Workload workload, List<String> heaps, List<EngineRun> results, List<String> notes) {
        this.options = Objects.requireNonNull(options, "options is null");
        this.workload = Objects.requireNonNull(workload, "workload is null");
        this.heaps = List.copyOf(heaps);
        this.results = List.copyOf(results);
        this.notes = List.copyOf(notes);
        for (String heap : heaps) {
            for (BenchQuery query : workload.queries()) {
                Map<String, EngineRun.Query> byEngine = new LinkedHashMap<>();
                for (EngineRun run : results) {
                    if (run.heap().equals(heap) && run.queries().containsKey(query.name())) {
                        byEngine.put(run.engine(), run.queries().get(query.name()));
                    }
                }
                rows.add(new Row(query.name(), heap, byEngine, answers(byEngine)));
            }
        }
    }

    private static String answers(Map<String, EngineRun.Query> byEngine) {
        List<String> failed = byEngine.entrySet().stream().filter(entry -> !entry.getValue().answered()).map(Map.Entry::getKey).toList();
        if (!failed.isEmpty()) {
            return "failed: " + String.join(", ", failed);
        }
        if (byEngine.size() < 2) {
            return "unchecked";
        }
        return byEngine.values().stream().map(EngineRun.Query::digest).distinct().count() == 1 ? "agree" : "DIFFER";
    }

    public List<Row> rows() {
        return rows;
    }

    /** Whether every query that more than one engine ran got the same answer from all of them, and none failed. */
    public boolean allAgree() {
        return rows.stream().allMatch(row -> row.answers().equals("agree") || row.answers().equals("unchecked"));
    }

    /** The geometric mean of an engine's medians over the counted rows, or NaN when none counts. */
    public double geomean(String engine) {
        List<Row> counted = rows.stream().filter(row -> row.counted(options.engines())).toList();
        return counted.isEmpty() ? Double.NaN
                : Math.exp(counted.stream().mapToDouble(row -> Math.log(row.byEngine().get(engine).median())).sum() / counted.size());
    }

    public String markdown() {
        List<String> engines = options.engines();
        List<String[]> ratios = new ArrayList<>();
        for (String other : List.of("spark", "duckdb")) {
            if (engines.contains("ember") && engines.contains(other)) {
                ratios.add(new String[] {"ember", other});
            }
        }
        boolean heapColumn = heaps.size() > 1;
        StringBuilder out = new StringBuilder();
        String resources = options.cluster() == null ? "2 threads per engine"
                : "each engine on a loopback standalone cluster of " + options.cluster().workers() + " workers with "
                        + options.cluster().coresPerWorker() + " core(s) each, executors of " + options.executorMemory() + " heap";
        out.append(String.format(Locale.ROOT, "%s: median seconds of %d runs after a warm-up (± spread: slowest - fastest, of the median); "
                + "%s, %d cores, Java %s%n%n", workload.title(), options.runs(), resources,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        out.append("| query |").append(heapColumn ? " heap |" : "");
        engines.forEach(engine -> out.append(' ').append(engine).append(" |"));
        ratios.forEach(pair -> out.append(' ').append(pair[0]).append('/').append(pair[1]).append(" |"));
        out.append(" answers |\n|---|").append(heapColumn ? "---|" : "");
        engines.forEach(engine -> out.append("---:|"));
        ratios.forEach(pair -> out.append("---:|"));
        out.append("---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.query()).append(" |").append(heapColumn ? " " + row.heap() + " |" : "");
            for (String engine : engines) {
                EngineRun.Query query = row.byEngine().get(engine);
                out.append(query == null ? " - |" : !query.answered() ? " failed |"
                        : String.format(Locale.ROOT, " %.3f ±%.0f%% |", query.median(), 100 * query.spread()));
            }
            for (String[] pair : ratios) {
                EngineRun.Query ember = row.byEngine().get(pair[0]);
                EngineRun.Query other = row.byEngine().get(pair[1]);
                boolean both = ember != null && other != null && ember.answered() && other.answered();
                out.append(both ? String.format(Locale.ROOT, " %.2f |", ember.median() / other.median()) : " |");
            }
            out.append(' ').append(row.answers()).append(" |\n");
        }
        long counted = rows.stream().filter(row -> row.counted(engines)).count();
        out.append("| geomean (").append(counted).append(" counted) |").append(heapColumn ? " |" : "");
        engines.forEach(engine -> out.append(Double.isNaN(geomean(engine)) ? " n/a |" : String.format(Locale.ROOT, " %.3f |", geomean(engine))));
        ratios.forEach(pair -> out.append(counted == 0 ? " n/a |" : String.format(Locale.ROOT, " %.2f |", geomean(pair[0]) / geomean(pair[1]))));
        out.append(" |\n\n");
        for (EngineRun run : results) {
            out.append(Double.isNaN(run.startup()) ? String.format(Locale.ROOT, "- %s, heap %s: did not start%n", run.engine(), run.heap())
                    : String.format(Locale.ROOT, "- %s, heap %s: session start and setup %.2f s%s, peak RSS %.2f GB%s%n",
                            run.engine(), run.heap(), run.startup(),
                            Double.isNaN(run.firstTask()) ? "" : String.format(Locale.ROOT, " (first task %.2f s after session creation)", run.firstTask()),
                            run.peakRss() / 1e9, options.cluster() == null ? "" : " (driver)"));
        }
        for (Row row : rows) {
            row.byEngine().forEach((engine, query) -> {
                if (!query.answered()) {
                    out.append("- ").append(engine).append(' ').append(row.query()).append(heapColumn ? " at " + row.heap() : "")
                            .append(" failed: ").append(query.failure()).append('\n');
                }
            });
        }
        notes.forEach(note -> out.append("- ").append(note).append('\n'));
        return out.toString();
    }

    public String json() throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("suite", options.suite());
        document.put("title", workload.title());
        document.put("machine", BenchEnvironment.machine());
        Map<String, Object> versions = new LinkedHashMap<>();
        for (String artifact : List.of("ember", "spark", "duckdb")) {
            versions.put(artifact, BenchEnvironment.version(artifact));
        }
        document.put("versions", versions);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("scale", options.scale());
        settings.put("format", options.format());
        settings.put("engines", options.engines());
        settings.put("runs", options.runs());
        settings.put("warmUps", 1);
        settings.put("heaps", heaps);
        settings.put("threadsPerEngine", options.cluster() == null ? 2 : options.cluster().totalCores());
        settings.put("cluster", options.cluster() == null ? null : options.cluster().toString());
        settings.put("executorMemory", options.cluster() == null ? null : options.executorMemory());
        document.put("settings", settings);
        List<Map<String, Object>> table = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("query", row.query());
            entry.put("heap", row.heap());
            entry.put("answers", row.answers());
            Map<String, Object> medians = new LinkedHashMap<>();
            row.byEngine().forEach((engine, query) -> medians.put(engine, query.answered() ? query.median() : null));
            entry.put("medianSeconds", medians);
            table.add(entry);
        }
        document.put("table", table);
        Map<String, Object> geomeans = new LinkedHashMap<>();
        options.engines().forEach(engine -> geomeans.put(engine, Double.isNaN(geomean(engine)) ? null : geomean(engine)));
        document.put("geomeanSeconds", geomeans);
        document.put("notes", notes);
        document.put("engineRuns", results);
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }
}
