package dev.ember.cluster;

import dev.ember.ui.Html;
import dev.ember.ui.WebServer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A worker's web UI: its executors and drivers, running and ended, with links to their logs, and
 * the logs themselves ({@code /logPage/?appId=A&executorId=E&logType=stderr}, or
 * {@code ?driverId=D}, as Spark's worker), of which the last {@link #LOG_TAIL_BYTES} are shown.
 */
final class WorkerUi {
    static final int LOG_TAIL_BYTES = 64 * 1024;

    private WorkerUi() {
    }

    static WebServer.Response route(Worker worker, String path, Map<String, String> parameters) throws IOException {
        return switch (path) {
            case "/" -> WebServer.Response.html(page(worker.status()));
            case "/logPage", "/logPage/" -> parameters.containsKey("driverId")
                    ? driverLogPage(worker, parameters.get("driverId"), parameters.getOrDefault("logType", "stderr"))
                    : logPage(worker, parameters.getOrDefault("appId", ""), parameters.getOrDefault("executorId", ""),
                            parameters.getOrDefault("logType", "stderr"));
            default -> null;
        };
    }

    static String page(WorkerStatus status) {
        int coresUsed = status.running().stream().mapToInt(WorkerStatus.ExecutorInfo::cores).sum()
                + status.runningDrivers().stream().mapToInt(WorkerStatus.DriverInfo::cores).sum();
        long memoryUsed = status.running().stream().mapToLong(WorkerStatus.ExecutorInfo::memory).sum()
                + status.runningDrivers().stream().mapToLong(WorkerStatus.DriverInfo::memory).sum();
        String summary = "<ul id=\"summary\"><li><strong>ID:</strong> " + Html.escape(status.workerId()) + "</li>"
                + "<li><strong>Master URL:</strong> " + Html.escape(status.masterUrl()) + "</li>"
                + "<li><strong>Cores:</strong> " + status.cores() + " (" + coresUsed + " Used)</li>"
                + "<li><strong>Memory:</strong> " + Html.escape(Html.bytes(status.memory()) + " (" + Html.bytes(memoryUsed) + " Used)") + "</li></ul>";
        return Html.page("Ember Worker at " + status.host(), List.<String[]>of(new String[] {"/", "Worker"}), summary
                + "<h3>Running Executors (" + status.running().size() + ")</h3>" + executors("running-executors", status.running())
                + "<h3>Finished Executors (" + status.finished().size() + ")</h3>" + executors("finished-executors", status.finished())
                + "<h3>Running Drivers (" + status.runningDrivers().size() + ")</h3>" + drivers("running-drivers", status.runningDrivers())
                + "<h3>Finished Drivers (" + status.finishedDrivers().size() + ")</h3>" + drivers("finished-drivers", status.finishedDrivers()));
    }

    private static String drivers(String id, List<WorkerStatus.DriverInfo> drivers) {
        return Html.table(id, List.of("Submission ID", "Main Class", "Cores", "Memory", "State", "Work Directory", "Logs"),
                drivers.stream().map(d -> List.of(Html.escape(d.driverId()), Html.escape(d.mainClass()), String.valueOf(d.cores()),
                        Html.escape(Html.bytes(d.memory())), Html.escape(d.state()), Html.escape(d.workDirectory()),
                        driverLogLink(d, "stdout") + " " + driverLogLink(d, "stderr"))).toList());
    }

    private static String driverLogLink(WorkerStatus.DriverInfo driver, String logType) {
        return Html.link("/logPage/?driverId=" + URLEncoder.encode(driver.driverId(), StandardCharsets.UTF_8) + "&logType=" + logType, logType);
    }

    private static WebServer.Response driverLogPage(Worker worker, String driverId, String logType) throws IOException {
        Optional<Path> file = worker.driverLogFile(driverId, logType);
        if (file.isEmpty()) {
            return null;
        }
        return WebServer.Response.html(Html.page(logType + " of driver " + driverId, List.<String[]>of(new String[] {"/", "Worker"}),
                "<pre id=\"log\">" + Html.escape(tail(file.get())) + "</pre>"));
    }

    private static String executors(String id, List<WorkerStatus.ExecutorInfo> executors) {
        return Html.table(id, List.of("Executor ID", "Application", "Cores", "Memory", "State", "Work Directory", "Logs"),
                executors.stream().map(e -> List.of(Html.escape(e.executorId()), Html.escape(e.applicationId()), String.valueOf(e.cores()),
                        Html.escape(Html.bytes(e.memory())), Html.escape(e.state()), Html.escape(e.workDirectory()),
                        logLink(e, "stdout") + " " + logLink(e, "stderr"))).toList());
    }

    private static String logLink(WorkerStatus.ExecutorInfo executor, String logType) {
        return Html.link("/logPage/?appId=" + URLEncoder.encode(executor.applicationId(), StandardCharsets.UTF_8) + "&executorId="
                + URLEncoder.encode(executor.executorId(), StandardCharsets.UTF_8) + "&logType=" + logType, logType);
    }

    private static WebServer.Response logPage(Worker worker, String applicationId, String executorId, String logType) throws IOException {
        Optional<Path> file = worker.logFile(applicationId, executorId, logType);
        if (file.isEmpty()) {
            return null;
        }
        String title = logType + " of executor " + executorId + " of " + applicationId;
        return WebServer.Response.html(Html.page(title, List.<String[]>of(new String[] {"/", "Worker"}),
                "<pre id=\"log\">" + Html.escape(tail(file.get())) + "</pre>"));
    }

    /** The end of a log, which may be large and still growing. */
    private static String tail(Path file) throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long length = log.length();
            long start = Math.max(0, length - LOG_TAIL_BYTES);
            byte[] bytes = new byte[(int) (length - start)];
            log.seek(start);
            log.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
