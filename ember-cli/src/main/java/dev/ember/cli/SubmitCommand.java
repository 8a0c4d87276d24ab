package dev.ember.cli;

import dev.ember.cluster.DriverClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ember submit APP.jar [ARGS...]}: runs an application's {@code main} in this JVM, as
 * {@code spark-submit} does in client mode. With {@code --deploy-mode cluster} and a standalone
 * master, it hands the jar to the master instead, which runs the driver on a worker
 * ({@link DriverClient}); it prints the driver's id and returns, or waits for the driver to end with
 * {@code ember.standalone.submit.waitAppCompletion=true}. {@code --status ID} and {@code --kill ID}
 * ask the master about such a driver, or to kill it.
 *
 * <p>The jar is loaded by a child class loader whose parent holds Ember, so the application sees
 * the engine's classes without bundling them. {@code --master}, {@code --conf} and
 * {@code --driver-memory} reach the application's session as system properties
 * ({@code ember.master}, the {@code ember.*}/{@code spark.*} keys, {@code ember.driver.memory}),
 * which the session builder reads as defaults: values the application sets in code win, as in
 * Spark. Everything after the jar is passed to {@code main} untouched, options included. The jar
 * is also named in {@code ember.jars}: with {@code --master ember://HOST:PORT}, the executors fetch
 * it from the driver and load the tasks' classes from it.
 *
 * <p>When {@code main} returns, the launcher does not force the JVM down: like {@code spark-submit},
 * it exits once the application's non-daemon threads have ended.
 */
@Command(name = "submit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Runs an application jar's main class with Ember on its class path.",
        footer = {
            "",
            "Examples:",
            "  ember submit --class com.example.WordCount app.jar data/book.txt",
            "  ember submit --master local[4] --conf ember.sql.shuffle.partitions=8 app.jar",
            "  ember submit --master ember://10.0.0.1:7077 --class com.example.App app.jar",
            "  ember submit --master ember://10.0.0.1:7077 --deploy-mode cluster --supervise --class com.example.App app.jar",
            "  ember submit --master ember://10.0.0.1:7077 --status driver-20260101120000-0000",
        })
public final class SubmitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--class", paramLabel = "MAIN",
            description = "The application's main class; by default the Main-Class of the jar's manifest.")
    String mainClass;

    @Option(names = "--deploy-mode", paramLabel = "MODE",
            description = "client (the default): the driver runs here; cluster: on a worker of the standalone master (--master ember://...).")
    String deployMode;

    @Option(names = "--supervise", description = "In cluster mode, the master relaunches the driver when it fails or its worker is lost.")
    boolean supervise;

    @Option(names = "--driver-cores", paramLabel = "N", description = "In cluster mode, the cores the driver takes on its worker (default 1).")
    Integer driverCores;

    @Option(names = "--status", paramLabel = "SUBMISSION_ID", description = "Prints the state of a driver submitted in cluster mode.")
    String statusOf;

    @Option(names = "--kill", paramLabel = "SUBMISSION_ID", description = "Kills a driver submitted in cluster mode.")
    String kill;

    @Mixin
    LaunchOptions launch;

    @Parameters(index = "0", arity = "0..1", paramLabel = "APP.jar", description = "The application jar.")
    Path jar;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the application's main method.")
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (statusOf != null || kill != null) {
            return askAboutDriver(launch.settings(null, err));
        }
        if (jar == null) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'APP.jar'");
        }
        if (!Files.isRegularFile(jar)) {
            throw new CliException("application jar not found: " + jar.toAbsolutePath());
        }
        String className = mainClass != null ? mainClass : manifestMainClass(jar);
        Map<String, String> settings = launch.settings(null, err);
        if (isClusterMode(settings)) {
            return submitToCluster(className, settings);
        }
        settings.putIfAbsent("ember.ui.showConsoleProgress", "true"); // as Spark's shells: a progress bar when stderr is a terminal
        // On a cluster, executors fetch the application's jar from the driver (ember.jars), as spark-submit ships it.
        settings.merge("ember.jars", jar.toAbsolutePath().toString(), (given, application) -> given + "," + application);
        settings.forEach(System::setProperty);
        if (launch.verbose) {
            err.println("Main class: " + className);
            err.println("Arguments: " + arguments);
            err.println("Properties: " + settings);
        }

        URLClassLoader loader = new URLClassLoader("ember-app", new URL[] {jar.toUri().toURL()},
                SubmitCommand.class.getClassLoader());
        Method main = findMain(loader, className);
        spec.commandLine().getOut().flush();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            main.invoke(null, (Object) arguments.toArray(new String[0]));
        } catch (InvocationTargetException e) {
            throw new ApplicationFailedException(className, e.getCause());
        }
        // The loader stays open: threads the application started may still load classes.
        return 0;
    }

    /** {@code --deploy-mode}, else {@code spark.submit.deployMode} (or {@code ember.}), else client, as spark-submit reads it. */
    private boolean isClusterMode(Map<String, String> settings) {
        String mode = deployMode != null ? deployMode
                : settings.getOrDefault("ember.submit.deployMode", settings.getOrDefault("spark.submit.deployMode", "client"));
        return switch (mode) {
            case "client" -> false;
            case "cluster" -> true;
            default -> throw new CliException("--deploy-mode must be client or cluster, not " + mode);
        };
    }

    /** The standalone master cluster mode and --status/--kill talk to. */
    private String clusterMaster(Map<String, String> settings, String what) {
        String master = settings.get("ember.master");
        if (master == null || !master.startsWith("ember://")) {
            throw new CliException(what + " needs a standalone master: --master ember://HOST:PORT" + (master == null ? "" : ", not " + master));
        }
        return master;
    }

    private int submitToCluster(String className, Map<String, String> settings) throws InterruptedException {
        String master = clusterMaster(settings, "cluster deploy mode");
        if (driverCores != null) {
            settings.put(DriverClient.DRIVER_CORES, String.valueOf(driverCores));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (DriverClient client = DriverClient.connect(master, settings)) {
            String id = client.submit(jar, className, arguments, settings, supervise);
            out.println(id);
            out.flush();
            err.println("Driver successfully submitted as " + id + " to " + master);
            String wait = settings.getOrDefault(DriverClient.WAIT_APP_COMPLETION, settings.getOrDefault("spark.standalone.submit.waitAppCompletion", "false"));
            if (!Boolean.parseBoolean(wait.trim())) {
                return 0;
            }
            DriverClient.Status status = client.awaitEnd(id, 1000);
            err.println("State of driver " + id + " is " + status.state());
            return status.state().equals("FINISHED") ? 0 : 1;
        } catch (IllegalStateException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private int askAboutDriver(Map<String, String> settings) {
        String master = clusterMaster(settings, statusOf != null ? "--status" : "--kill");
        PrintWriter out = spec.commandLine().getOut();
        try (DriverClient client = DriverClient.connect(master, settings)) {
            DriverClient.Status status = statusOf != null ? client.status(statusOf) : client.kill(kill);
            if (!status.message().isEmpty()) {
                out.println(status.message().substring(0, 1).toUpperCase(Locale.ROOT) + status.message().substring(1));
            }
            out.println("State of driver " + status.id() + " is " + status.state());
            if (!status.workerId().isEmpty()) {
                out.println("Driver " + (status.state().equals("RUNNING") ? "running" : "ran") + " on " + status.workerHost() + " ("
                        + status.workerId() + ")");
            }
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private Method findMain(ClassLoader loader, String className) {
        Class<?> application;
        try {
            application = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new CliException("main class " + className + " not found in " + jar
                    + (e instanceof LinkageError ? " (" + e + ")" : ""), e);
        }
        Method main;
        try {
            main = application.getMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            throw new CliException("class " + className + " has no public static void main(String[]) method", e);
        }
        if (!Modifier.isStatic(main.getModifiers())) {
            throw new CliException("the main method of " + className + " is not static");
        }
        return main;
    }

    private static String manifestMainClass(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String name = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
            if (name == null || name.isBlank()) {
                throw new CliException("no main class: pass --class MAIN, or set Main-Class in the manifest of " + jar);
            }
            return name.trim();
        } catch (IOException e) {
            throw new CliException("cannot open application jar " + jar + ": " + e.getMessage(), e);
        }
    }

    /** The application's {@code main} threw: the launcher prints its stack trace, as a JVM would. */
    static final class ApplicationFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ApplicationFailedException(String className, Throwable cause) {
            super("application " + className + " failed", cause);
        }
    }
}
