package dev.ember.ui;

import static dev.ember.ui.Html.bytes;
import static dev.ember.ui.Html.duration;
import static dev.ember.ui.Html.escape;
import static dev.ember.ui.Html.link;
import static dev.ember.ui.Html.table;
import static dev.ember.ui.Html.time;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ember.events.SqlMetric;
import dev.ember.events.SqlPlanNode;
import dev.ember.scheduler.TaskMetrics;
import dev.ember.ui.AppStatus.CachedData;
import dev.ember.ui.AppStatus.Executor;
import dev.ember.ui.AppStatus.Job;
import dev.ember.ui.AppStatus.SqlExecution;
import dev.ember.ui.AppStatus.Stage;
import dev.ember.ui.AppStatus.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The pages of one application (Jobs, Stages, a stage's tasks, Storage, Environment, Executors,
 * SQL) and its REST API, rendered from an {@link AppStatus} on each request; {@code base} is where
 * they are mounted ({@code ""} on the live UI, {@code /history/ID} on the history server).
 */
public final class AppUi {
    private static final double[] QUANTILES = {0, 0.25, 0.5, 0.75, 1};

    private final AppStatus status;
    private final String base;

    public AppUi(AppStatus status, String base) {
        this.status = status;
        this.base = base;
    }

    /** The page at {@code path} (below {@code base}), or {@code null}. */
    public WebServer.Response page(String path, Map<String, String> query) {
        synchronized (status) {
            String body = switch (path) {
                case "", "/", "/jobs", "/jobs/" -> jobsPage();
                case "/jobs/job", "/jobs/job/" -> jobPage(intParam(query, "id"));
                case "/stages", "/stages/" -> stagesPage();
                case "/stages/stage", "/stages/stage/" -> stagePage(intParam(query, "id"), query.containsKey("attempt") ? intParam(query, "attempt") : 0);
                case "/storage", "/storage/" -> storagePage();
                case "/environment", "/environment/" -> environmentPage();
                case "/executors", "/executors/" -> executorsPage();
                case "/SQL", "/SQL/" -> sqlPage();
                case "/SQL/execution", "/SQL/execution/" -> executionPage(intParam(query, "id"));
                default -> null;
            };
            return body == null ? null : WebServer.Response.html(body);
        }
    }

    private static int intParam(Map<String, String> query, String name) {
        try {
            return Integer.parseInt(query.getOrDefault(name, "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String frame(String title, String body) {
        List<String[]> tabs = List.of(new String[] {base + "/jobs/", "Jobs"}, new String[] {base + "/stages/", "Stages"},
                new String[] {base + "/storage/", "Storage"}, new String[] {base + "/environment/", "Environment"},
                new String[] {base + "/executors/", "Executors"}, new String[] {base + "/SQL/", "SQL"});
        String heading = "<p>" + escape(status.appName) + " (" + escape(status.appId) + ")" + (status.completed() ? ", finished" : "") + "</p>";
        return Html.page(title, tabs, heading + body);
    }

    private String jobsPage() {
        List<List<String>> rows = new ArrayList<>();
        for (Job job : reversed(status.jobs.values())) {
            List<Stage> stages = job.stageIds.stream().map(id -> latest(id)).filter(s -> s != null).toList();
            int tasks = stages.stream().mapToInt(s -> s.taskCount).sum();
            int succeeded = stages.stream().mapToInt(s -> s.succeeded).sum();
            rows.add(List.of(link(base + "/jobs/job/?id=" + job.id, job.id), escape(describe(job)), time(job.submitted),
                    job.completed < 0 ? "" : duration(job.completed - job.submitted), statusCell(job.status(), job.failure),
                    stages.stream().filter(s -> s.completed >= 0 && s.failure == null).count() + "/" + stages.size(),
                    succeeded + "/" + tasks));
        }
        return frame("Jobs", table("jobs", List.of("Job Id", "Description", "Submitted", "Duration", "Status", "Stages: Succeeded/Total",
                "Tasks (for all stages): Succeeded/Total"), rows));
    }

    private String describe(Job job) {
        if (job.description != null) {
            return job.description;
        }
        SqlExecution execution = status.executions.get(job.executionId);
        return execution != null ? execution.description : "job " + job.id;
    }

    private static String statusCell(String state, String failure) {
        return failure == null ? state : "<span class=\"failed\" title=\"" + escape(failure) + "\">" + state + "</span>";
    }

    private String jobPage(int id) {
        Job job = status.jobs.get(id);
        if (job == null) {
            return null;
        }
        List<Stage> stages = new ArrayList<>();
        job.stageIds.forEach(stageId -> stages.addAll(status.stages.get(stageId).values()));
        String sql = job.executionId >= 0 ? "<p>SQL query: " + link(base + "/SQL/execution/?id=" + job.executionId, job.executionId) + "</p>" : "";
        return frame("Details for Job " + id, "<p>Status: " + statusCell(job.status(), job.failure) + "</p>" + sql + stageTable(stages));
    }

    private Stage latest(int stageId) {
        Map<Integer, Stage> attempts = status.stages.get(stageId);
        return attempts == null || attempts.isEmpty() ? null : ((java.util.TreeMap<Integer, Stage>) attempts).lastEntry().getValue();
    }

    private String stagesPage() {
        List<Stage> all = new ArrayList<>();
        status.stages.values().forEach(attempts -> all.addAll(attempts.values()));
        return frame("Stages for All Jobs", stageTable(reversed(all)));
    }

    private String stageTable(List<Stage> stages) {
        List<List<String>> rows = new ArrayList<>();
        for (Stage stage : stages) {
            rows.add(List.of(String.valueOf(stage.id), String.valueOf(stage.attempt),
                    link(base + "/stages/stage/?id=" + stage.id + "&attempt=" + stage.attempt, stage.name), time(stage.submitted),
                    stage.completed < 0 ? "" : duration(stage.completed - stage.submitted), statusCell(stage.status(), stage.failure),
                    stage.succeeded + "/" + stage.taskCount + (stage.failed > 0 ? " (" + stage.failed + " failed)" : ""),
                    bytes(stage.total(TaskMetrics::bytesRead)), bytes(stage.total(TaskMetrics::shuffleReadBytes)),
                    bytes(stage.total(TaskMetrics::shuffleWriteBytes))));
        }
        return table("stages", List.of("Stage Id", "Attempt", "Description", "Submitted", "Duration", "Status", "Tasks: Succeeded/Total",
                "Input", "Shuffle Read", "Shuffle Write"), rows);
    }

    /** The metrics a stage page summarizes, by name, each as a value of a task and how to show it. */
    private static final Map<String, ToLongFunction<Task>> SUMMARY = new LinkedHashMap<>();
    private static final Map<String, Boolean> SUMMARY_IS_TIME = new LinkedHashMap<>();

    static {
        summary("Duration", true, Task::duration);
        summary("GC Time", true, t -> t.metrics.jvmGcTime());
        summary("Input Size", false, t -> t.metrics.bytesRead());
        summary("Shuffle Read Size", false, t -> t.metrics.shuffleReadBytes());
        summary("Shuffle Write Size", false, t -> t.metrics.shuffleWriteBytes());
        summary("Spill (Memory)", false, t -> t.metrics.memoryBytesSpilled());
        summary("Spill (Disk)", false, t -> t.metrics.diskBytesSpilled());
    }

    private static void summary(String name, boolean isTime, ToLongFunction<Task> metric) {
        SUMMARY.put(name, metric);
        SUMMARY_IS_TIME.put(name, isTime);
    }

    private String stagePage(int id, int attempt) {
        Stage stage = status.stage(id, attempt);
        if (stage == null) {
            return null;
        }
        List<Task> finished = stage.tasks.values().stream().filter(t -> t.finished >= 0 && t.failure == null && t.metrics != null).toList();
        List<List<String>> summaryRows = new ArrayList<>();
        SUMMARY.forEach((name, metric) -> {
            List<String> row = new ArrayList<>(List.of(escape(name)));
            for (long value : quantiles(finished, metric)) {
                row.add(SUMMARY_IS_TIME.get(name) ? duration(value) : bytes(value));
            }
            summaryRows.add(row);
        });
        List<List<String>> taskRows = new ArrayList<>();
        for (Task task : stage.tasks.values()) {
            TaskMetrics m = task.metrics == null ? TaskMetrics.EMPTY : task.metrics;
            taskRows.add(List.of(String.valueOf(task.partition), String.valueOf(task.id), String.valueOf(task.attempt),
                    statusCell(task.status(), task.failure), escape(task.executorId == null ? "" : task.executorId), time(task.launched),
                    duration(task.duration()), duration(m.jvmGcTime()), String.valueOf(m.recordsRead()), bytes(m.shuffleReadBytes()),
                    bytes(m.shuffleWriteBytes()), bytes(m.memoryBytesSpilled()), bytes(m.diskBytesSpilled()),
                    task.failure == null ? "" : escape(task.failure)));
        }
        String body = "<p>Status: " + statusCell(stage.status(), stage.failure) + ", tasks: " + stage.taskCount + ", of job "
                + link(base + "/jobs/job/?id=" + stage.jobId, stage.jobId) + "</p>"
                + "<h3>Summary Metrics for " + finished.size() + " Completed Tasks</h3>"
                + table("summary", List.of("Metric", "Min", "25th percentile", "Median", "75th percentile", "Max"), summaryRows)
                + "<h3>Tasks (" + stage.tasks.size() + ")</h3>"
                + table("tasks", List.of("Index", "Task ID", "Attempt", "Status", "Executor ID", "Launch Time", "Duration", "GC Time",
                        "Records Read", "Shuffle Read", "Shuffle Write", "Spill (Memory)", "Spill (Disk)", "Errors"), taskRows);
        return frame("Details for Stage " + id + " (Attempt " + attempt + ")", body);
    }

    /** Min, quartiles and max, by the nearest rank, as Spark's summary table shows them. */
    static long[] quantiles(List<Task> tasks, ToLongFunction<Task> metric) {
        long[] values = tasks.stream().mapToLong(metric).sorted().toArray();
        long[] result = new long[QUANTILES.length];
        for (int q = 0; q < QUANTILES.length && values.length > 0; q++) {
            result[q] = values[(int) Math.min(values.length - 1, Math.round(QUANTILES[q] * (values.length - 1)))];
        }
        return result;
    }

    private String storagePage() {
        List<List<String>> rows = new ArrayList<>();
        for (CachedData data : status.storage.values()) {
            rows.add(List.of(String.valueOf(data.id), escape(data.name), escape(data.storageLevel), String.valueOf(data.blocks.size()),
                    data.partitions > 0 ? String.valueOf(data.partitions) : "", bytes(data.memory()), bytes(data.disk())));
        }
        return frame("Storage", table("storage", List.of("ID", "RDD Name", "Storage Level", "Cached Partitions", "Partitions",
                "Size in Memory", "Size on Disk"), rows));
    }

    private String environmentPage() {
        return frame("Environment", "<h3>Runtime Information</h3>" + pairs("runtime", status.runtime) + "<h3>Ember Properties</h3>"
                + pairs("properties", status.settings));
    }

    private static String pairs(String id, Map<String, String> values) {
        return table(id, List.of("Name", "Value"), values.entrySet().stream().map(e -> List.of(escape(e.getKey()), escape(e.getValue()))).toList());
    }

    /** The columns of the executors page from Cores on, shared by each executor's row and the summary's rows. */
    private static final List<String> EXECUTOR_FIGURES = List.of("Cores", "Storage Memory", "Complete Tasks", "Failed Tasks", "Task Time",
            "GC Time", "Input", "Shuffle Read", "Shuffle Write");

    /** As Spark's: a summary of the active, dead and all executors, then a row per executor. */
    private String executorsPage() {
        List<Executor> all = List.copyOf(status.executors.values());
        List<Executor> active = all.stream().filter(e -> e.active).toList();
        List<Executor> dead = all.stream().filter(e -> !e.active).toList();
        List<List<String>> summary = List.of(summaryRow("Active", active), summaryRow("Dead", dead), summaryRow("Total", all));
        List<List<String>> rows = new ArrayList<>();
        for (Executor executor : all) {
            List<String> row = new ArrayList<>(List.of(escape(executor.id), escape(executor.host),
                    executor.active ? "Active" : escape("Dead" + (executor.removedReason == null ? "" : " (" + executor.removedReason + ")"))));
            row.addAll(figures(List.of(executor)));
            rows.add(row);
        }
        List<String> summaryHeaders = new ArrayList<>(List.of(""));
        summaryHeaders.addAll(EXECUTOR_FIGURES);
        List<String> headers = new ArrayList<>(List.of("Executor ID", "Address", "Status"));
        headers.addAll(EXECUTOR_FIGURES);
        return frame("Executors", "<h3>Summary</h3>" + table("summary", summaryHeaders, summary) + "<h3>Executors</h3>"
                + table("executors", headers, rows));
    }

    private static List<String> summaryRow(String label, List<Executor> executors) {
        List<String> row = new ArrayList<>(List.of(label + "(" + executors.size() + ")"));
        row.addAll(figures(executors));
        return row;
    }

    /** The {@link #EXECUTOR_FIGURES} summed over {@code executors}; storage memory as Spark shows it, used / available. */
    private static List<String> figures(List<Executor> executors) {
        return List.of(String.valueOf(sum(executors, e -> e.cores)),
                bytes(sum(executors, e -> e.memoryUsed)) + " / " + bytes(sum(executors, e -> e.maxMemory)),
                String.valueOf(sum(executors, e -> e.completedTasks)), String.valueOf(sum(executors, e -> e.failedTasks)),
                duration(sum(executors, e -> e.duration)), duration(sum(executors, e -> e.gcTime)), bytes(sum(executors, e -> e.inputBytes)),
                bytes(sum(executors, e -> e.shuffleRead)), bytes(sum(executors, e -> e.shuffleWrite)));
    }

    private static long sum(List<Executor> executors, ToLongFunction<Executor> value) {
        return executors.stream().mapToLong(value).sum();
    }

    private String sqlPage() {
        List<List<String>> rows = new ArrayList<>();
        for (SqlExecution execution : reversed(status.executions.values())) {
            String jobs = jobsOf(execution).stream().map(job -> link(base + "/jobs/job/?id=" + job.id, job.id)).collect(Collectors.joining(" "));
            rows.add(List.of(String.valueOf(execution.id), link(base + "/SQL/execution/?id=" + execution.id, execution.description),
                    time(execution.submitted), execution.completed < 0 ? "" : duration(execution.completed - execution.submitted),
                    statusCell(execution.status(), execution.failure), jobs));
        }
        return frame("SQL", table("sql", List.of("ID", "Description", "Submitted", "Duration", "Status", "Job IDs"), rows));
    }

    private List<Job> jobsOf(SqlExecution execution) {
        return status.jobs.values().stream().filter(job -> job.executionId == execution.id).toList();
    }

    private String executionPage(int id) {
        SqlExecution execution = status.executions.get((long) id);
        if (execution == null) {
            return null;
        }
        String ran = execution.measuredPlan != null ? execution.measuredPlan.treeString() : execution.finalPlan;
        String plans = (ran != null ? "<h3>Physical Plan (as it ran)</h3><pre id=\"final-plan\">" + escape(ran) + "</pre>" : "")
                + (execution.measuredPlan != null ? metricsTable(execution.measuredPlan) : "")
                + "<h3>Physical Plan (as planned)</h3><pre id=\"plan\">" + escape(execution.plan) + "</pre>";
        return frame("Details for Query " + id, "<p>" + escape(execution.description) + "</p><p>Status: "
                + statusCell(execution.status(), execution.failure) + "</p>" + plans);
    }

    /** Every metric of every node that ran, a row each, under the node's number in the plan. */
    private static String metricsTable(SqlPlanNode plan) {
        List<List<String>> rows = new ArrayList<>();
        for (SqlPlanNode node : plan.nodes()) {
            for (SqlMetric metric : node.metrics()) {
                rows.add(List.of(String.valueOf(node.nodeId()), escape(node.name()), escape(metric.name()), metric.formatted()));
            }
        }
        return "<h3>Metrics</h3>" + table("metrics", List.of("Node", "Operator", "Metric", "Value"), rows);
    }

    private static <T> List<T> reversed(java.util.Collection<T> values) {
        List<T> list = new ArrayList<>(values);
        java.util.Collections.reverse(list);
        return list;
    }

    // ---- REST API, shaped as Spark's /api/v1

    /** Spark's {@code ApplicationInfo}. */
    Map<String, Object> applicationInfo() {
        synchronized (status) {
            Map<String, Object> attempt = new LinkedHashMap<>();
            attempt.put("startTime", status.startTime);
            attempt.put("endTime", status.endTime);
            attempt.put("duration", status.completed() ? status.endTime - status.startTime : 0);
            attempt.put("sparkUser", status.user);
            attempt.put("completed", status.completed());
            return map("id", status.appId, "name", status.appName, "attempts", List.of(attempt));
        }
    }

    /** The answer to {@code /applications/ID} + {@code rest}, or {@code null}. */
    public WebServer.Response api(String rest) throws JsonProcessingException {
        Object answer;
        synchronized (status) {
            List<String> parts = Arrays.stream(rest.split("/")).filter(p -> !p.isEmpty()).toList();
            if (parts.isEmpty()) {
                answer = applicationInfo();
            } else {
                answer = switch (parts.get(0)) {
                    case "jobs" -> parts.size() == 1 ? status.jobs.values().stream().map(this::jobJson).toList()
                            : status.jobs.containsKey(Integer.parseInt(parts.get(1))) ? jobJson(status.jobs.get(Integer.parseInt(parts.get(1)))) : null;
                    case "stages" -> parts.size() == 1 ? allStagesJson() : stageJson(Integer.parseInt(parts.get(1)));
                    case "executors" -> status.executors.values().stream().map(AppUi::executorJson).toList();
                    case "storage" -> status.storage.values().stream().map(AppUi::rddJson).toList();
                    case "environment" -> environmentJson();
                    case "sql" -> parts.size() == 1 ? status.executions.values().stream().map(this::sqlJson).toList()
                            : status.executions.containsKey(Long.parseLong(parts.get(1))) ? sqlJson(status.executions.get(Long.parseLong(parts.get(1)))) : null;
                    default -> null;
                };
            }
        }
        return answer == null ? null : WebServer.Response.json(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
    }

    private Map<String, Object> jobJson(Job job) {
        List<Stage> stages = job.stageIds.stream().map(this::latest).filter(s -> s != null).toList();
        return map("jobId", job.id, "name", describe(job), "description", job.description, "submissionTime", job.submitted,
                "completionTime", job.completed, "stageIds", job.stageIds, "jobGroup", job.group, "status", job.status(),
                "numTasks", stages.stream().mapToInt(s -> s.taskCount).sum(),
                "numCompletedTasks", stages.stream().mapToInt(s -> s.succeeded).sum(),
                "numFailedTasks", stages.stream().mapToInt(s -> s.failed).sum(),
                "numCompletedStages", stages.stream().filter(s -> "COMPLETE".equals(s.status())).count(),
                "numFailedStages", stages.stream().filter(s -> "FAILED".equals(s.status())).count());
    }

    private List<Object> allStagesJson() {
        List<Object> all = new ArrayList<>();
        status.stages.values().forEach(attempts -> attempts.values().forEach(stage -> all.add(stageJson(stage, false))));
        return all;
    }

    private Object stageJson(int id) {
        Map<Integer, Stage> attempts = status.stages.get(id);
        return attempts == null ? null : attempts.values().stream().map(stage -> stageJson(stage, true)).toList();
    }

    private Map<String, Object> stageJson(Stage stage, boolean withTasks) {
        Map<String, Object> json = map("status", stage.status(), "stageId", stage.id, "attemptId", stage.attempt, "name", stage.name,
                "numTasks", stage.taskCount, "numActiveTasks", stage.running, "numCompleteTasks", stage.succeeded,
                "numFailedTasks", stage.failed, "submissionTime", stage.submitted, "completionTime", stage.completed,
                "failureReason", stage.failure, "executorRunTime", stage.total(TaskMetrics::executorRunTime),
                "jvmGcTime", stage.total(TaskMetrics::jvmGcTime), "inputBytes", stage.total(TaskMetrics::bytesRead),
                "inputRecords", stage.total(TaskMetrics::recordsRead), "shuffleReadBytes", stage.total(TaskMetrics::shuffleReadBytes),
                "shuffleReadRecords", stage.total(TaskMetrics::shuffleReadRecords), "shuffleWriteBytes", stage.total(TaskMetrics::shuffleWriteBytes),
                "shuffleWriteRecords", stage.total(TaskMetrics::shuffleWriteRecords),
                "memoryBytesSpilled", stage.total(TaskMetrics::memoryBytesSpilled), "diskBytesSpilled", stage.total(TaskMetrics::diskBytesSpilled));
        if (withTasks) {
            Map<String, Object> tasks = new LinkedHashMap<>();
            stage.tasks.values().forEach(task -> tasks.put(String.valueOf(task.id), map("taskId", task.id, "index", task.partition,
                    "attempt", task.attempt, "launchTime", task.launched, "duration", task.duration(), "executorId", task.executorId,
                    "status", task.status(), "errorMessage", task.failure, "taskMetrics", task.metrics)));
            json.put("tasks", tasks);
        }
        return json;
    }

    /** Spark's {@code ExecutorSummary}: memory as bytes of storage memory, all on the heap (Ember uses no off-heap memory). */
    private static Map<String, Object> executorJson(Executor executor) {
        return map("id", executor.id, "hostPort", executor.host, "isActive", executor.active, "memoryUsed", executor.memoryUsed,
                "totalCores", executor.cores,
                "maxMemory", executor.maxMemory, "completedTasks", executor.completedTasks, "failedTasks", executor.failedTasks,
                "totalTasks", executor.completedTasks + executor.failedTasks, "totalDuration", executor.duration,
                "totalGCTime", executor.gcTime, "totalInputBytes", executor.inputBytes, "totalShuffleRead", executor.shuffleRead,
                "totalShuffleWrite", executor.shuffleWrite, "removeReason", executor.removedReason,
                "memoryMetrics", map("usedOnHeapStorageMemory", executor.memoryUsed, "usedOffHeapStorageMemory", 0,
                        "totalOnHeapStorageMemory", executor.maxMemory, "totalOffHeapStorageMemory", 0));
    }

    private static Map<String, Object> rddJson(CachedData data) {
        return map("id", data.id, "name", data.name, "numPartitions", data.partitions, "numCachedPartitions", data.blocks.size(),
                "storageLevel", data.storageLevel, "memoryUsed", data.memory(), "diskUsed", data.disk());
    }

    private Map<String, Object> environmentJson() {
        List<List<String>> properties = status.settings.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList();
        return map("runtime", map("javaVersion", status.runtime.get("Java Version"), "javaHome", status.runtime.get("Java Home"),
                "scalaVersion", status.runtime.get("Scala Version")), "sparkProperties", properties);
    }

    private Map<String, Object> sqlJson(SqlExecution execution) {
        return map("id", execution.id, "status", execution.status(), "description", execution.description, "planDescription",
                execution.finalPlan != null ? execution.finalPlan : execution.plan, "submissionTime", execution.submitted,
                "duration", execution.completed < 0 ? 0 : execution.completed - execution.submitted,
                "successJobIds", jobsOf(execution).stream().filter(j -> "SUCCEEDED".equals(j.status())).map(j -> j.id).toList(),
                "failedJobIds", jobsOf(execution).stream().filter(j -> "FAILED".equals(j.status())).map(j -> j.id).toList(),
                "nodes", execution.measuredPlan == null ? List.of() : execution.measuredPlan.nodes().stream().map(AppUi::nodeJson).toList(),
                "edges", execution.measuredPlan == null ? List.of() : edgesJson(execution.measuredPlan));
    }

    /** Spark's {@code Node}: the operator and its metrics, values as the UI shows them. */
    private static Map<String, Object> nodeJson(SqlPlanNode node) {
        return map("nodeId", node.nodeId(), "nodeName", node.name(),
                "metrics", node.metrics().stream().map(m -> map("name", m.name(), "value", m.formatted())).toList());
    }

    /** Spark's {@code Edge}s: from each node to its parent, the way rows flow. */
    private static List<Object> edgesJson(SqlPlanNode plan) {
        List<Object> edges = new ArrayList<>();
        for (SqlPlanNode node : plan.nodes()) {
            node.children().forEach(child -> edges.add(map("fromId", child.nodeId(), "toId", node.nodeId())));
        }
        return edges;
    }

    /** An ordered JSON object from key, value pairs (values may be null). */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
