package dev.ember.cli;

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
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ember submit APP.jar [ARGS...]}: runs an application's {@code main} in this JVM, as
 * {@code spark-submit} does in client mode.
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
        })
public final class SubmitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--class", paramLabel = "MAIN",
            description = "The application's main class; by default the Main-Class of the jar's manifest.")
    String mainClass;

    @Mixin
    LaunchOptions launch;

    @Parameters(index = "0", paramLabel = "APP.jar", description = "The application jar.")
    Path jar;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the application's main method.")
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(jar)) {
            throw new CliException("application jar not found: " + jar.toAbsolutePath());
        }
        String className = mainClass != null ? mainClass : manifestMainClass(jar);
        Map<String, String> settings = launch.settings(null, err);
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
