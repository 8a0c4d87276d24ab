package dev.ember.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ember.ui.Html;
import dev.ember.ui.WebServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The master's web UI: one page of workers, applications and cluster-mode drivers (linking to the
 * workers' UIs and the applications' own), and the same as JSON at {@code /json}, with the field
 * names of Spark's master.
 */
final class MasterUi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String[]> TABS = List.of(new String[] {"/", "Master"}, new String[] {"/json", "JSON"});

    private MasterUi() {
    }

    static WebServer.Response route(MasterStatus status, String path) throws JsonProcessingException {
        return switch (path) {
            case "/" -> WebServer.Response.html(page(status));
            case "/json", "/json/" -> WebServer.Response.json(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(status)));
            default -> null;
        };
    }

    static String page(MasterStatus status) {
        List<MasterStatus.WorkerInfo> alive = status.aliveWorkers();
        int cores = alive.stream().mapToInt(MasterStatus.WorkerInfo::cores).sum();
        int coresUsed = alive.stream().mapToInt(MasterStatus.WorkerInfo::coresUsed).sum();
        long memory = alive.stream().mapToLong(MasterStatus.WorkerInfo::memory).sum();
        long memoryUsed = alive.stream().mapToLong(MasterStatus.WorkerInfo::memoryUsed).sum();
        String summary = "<ul id=\"summary\">"
                + item("URL", Html.escape(status.url()))
                + item("Alive Workers", String.valueOf(alive.size()))
                + item("Cores in use", cores + " Total, " + coresUsed + " Used")
                + item("Memory in use", Html.bytes(memory) + " Total, " + Html.bytes(memoryUsed) + " Used")
                + item("Applications", status.activeApplications().size() + " Running, " + status.completedApplications().size() + " Completed")
                + item("Drivers", status.activeDrivers().size() + " Running, " + status.completedDrivers().size() + " Completed")
                + item("Status", "ALIVE") + "</ul>";
        String workers = Html.table("workers", List.of("Worker Id", "Address", "State", "Cores", "Memory", "Last Heartbeat"),
                status.workers().stream().map(MasterUi::workerRow).toList());
        return Html.page("Ember Master at " + status.url(), TABS, summary
                + "<h3>Workers (" + status.workers().size() + ")</h3>" + workers
                + "<h3>Running Applications (" + status.activeApplications().size() + ")</h3>" + applications("running-apps", status.activeApplications())
                + "<h3>Completed Applications (" + status.completedApplications().size() + ")</h3>"
                + applications("completed-apps", status.completedApplications())
                + "<h3>Running Drivers (" + status.activeDrivers().size() + ")</h3>" + drivers("running-drivers", status, status.activeDrivers())
                + "<h3>Completed Drivers (" + status.completedDrivers().size() + ")</h3>"
                + drivers("completed-drivers", status, status.completedDrivers()));
    }

    private static String drivers(String id, MasterStatus status, List<MasterStatus.DriverInfo> drivers) {
        return Html.table(id, List.of("Submission ID", "Submitted Time", "Worker", "State", "Cores", "Memory", "Main Class"),
                drivers.stream().map(driver -> List.of(Html.escape(driver.id()), Html.time(driver.submitTime()), workerLink(status, driver),
                        Html.escape(driver.state()), String.valueOf(driver.cores()), Html.escape(Html.bytes(driver.memory())),
                        Html.escape(driver.mainClass()))).toList());
    }

    /** The driver's worker, linked to its UI (which lists the driver's logs) while the master knows it. */
    private static String workerLink(MasterStatus status, MasterStatus.DriverInfo driver) {
        String label = driver.workerId().isEmpty() ? "" : driver.workerId() + (driver.workerHost().isEmpty() ? "" : " (" + driver.workerHost() + ")");
        return status.workers().stream().filter(w -> w.id().equals(driver.workerId()) && !w.webUiUrl().isEmpty()).findFirst()
                .map(w -> Html.link(w.webUiUrl(), label)).orElse(Html.escape(label));
    }

    private static String item(String label, String html) {
        return "<li><strong>" + Html.escape(label) + ":</strong> " + html + "</li>";
    }

    private static List<String> workerRow(MasterStatus.WorkerInfo worker) {
        return List.of(worker.webUiUrl().isEmpty() ? Html.escape(worker.id()) : Html.link(worker.webUiUrl(), worker.id()), Html.escape(worker.host()),
                Html.escape(worker.state()), worker.cores() + " (" + worker.coresUsed() + " Used)",
                Html.escape(Html.bytes(worker.memory()) + " (" + Html.bytes(worker.memoryUsed()) + " Used)"), Html.time(worker.lastHeartbeat()));
    }

    private static String applications(String id, List<MasterStatus.ApplicationInfo> applications) {
        return Html.table(id, List.of("Application ID", "Name", "Cores", "Memory per Executor", "Submitted Time", "User", "State", "Duration"),
                applications.stream().map(app -> List.of(Html.escape(app.id()),
                        app.webUiUrl().isEmpty() ? Html.escape(app.name()) : Html.link(app.webUiUrl(), app.name()),
                        String.valueOf(app.cores()), Html.escape(Html.bytes(app.executorMemory())), Html.time(app.startTime()), Html.escape(app.user()),
                        Html.escape(app.state()), Html.escape(Html.duration(app.duration())))).toList());
    }

    static Map<String, Object> json(MasterStatus status) {
        List<MasterStatus.WorkerInfo> alive = status.aliveWorkers();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", status.url());
        json.put("workers", status.workers().stream().map(MasterUi::workerJson).toList());
        json.put("aliveworkers", alive.size());
        json.put("cores", alive.stream().mapToInt(MasterStatus.WorkerInfo::cores).sum());
        json.put("coresused", alive.stream().mapToInt(MasterStatus.WorkerInfo::coresUsed).sum());
        json.put("memory", alive.stream().mapToLong(MasterStatus.WorkerInfo::memory).sum() >> 20);
        json.put("memoryused", alive.stream().mapToLong(MasterStatus.WorkerInfo::memoryUsed).sum() >> 20);
        json.put("activeapps", status.activeApplications().stream().map(MasterUi::applicationJson).toList());
        json.put("completedapps", status.completedApplications().stream().map(MasterUi::applicationJson).toList());
        json.put("activedrivers", status.activeDrivers().stream().map(MasterUi::driverJson).toList());
        json.put("completeddrivers", status.completedDrivers().stream().map(MasterUi::driverJson).toList());
        json.put("status", "ALIVE");
        return json;
    }

    /** Memory in MiB, as Spark's master reports it. */
    private static Map<String, Object> workerJson(MasterStatus.WorkerInfo worker) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", worker.id());
        json.put("host", worker.host());
        json.put("webuiaddress", worker.webUiUrl());
        json.put("cores", worker.cores());
        json.put("coresused", worker.coresUsed());
        json.put("coresfree", worker.cores() - worker.coresUsed());
        json.put("memory", worker.memory() >> 20);
        json.put("memoryused", worker.memoryUsed() >> 20);
        json.put("memoryfree", (worker.memory() - worker.memoryUsed()) >> 20);
        json.put("state", worker.state());
        json.put("lastheartbeat", worker.lastHeartbeat());
        return json;
    }

    /** As Spark's master: memory in MiB, the worker's id or "None". */
    private static Map<String, Object> driverJson(MasterStatus.DriverInfo driver) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", driver.id());
        json.put("starttime", String.valueOf(driver.submitTime()));
        json.put("state", driver.state());
        json.put("cores", driver.cores());
        json.put("memory", driver.memory() >> 20);
        json.put("submitdate", Html.time(driver.submitTime()));
        json.put("worker", driver.workerId().isEmpty() ? "None" : driver.workerId());
        json.put("mainclass", driver.mainClass());
        return json;
    }

    private static Map<String, Object> applicationJson(MasterStatus.ApplicationInfo app) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", app.id());
        json.put("starttime", app.startTime());
        json.put("name", app.name());
        json.put("cores", app.cores());
        json.put("user", app.user());
        json.put("memoryperexecutor", app.executorMemory() >> 20);
        json.put("submitdate", Html.time(app.startTime()));
        json.put("state", app.state());
        json.put("duration", app.duration());
        json.put("webuiaddress", app.webUiUrl());
        return json;
    }
}
