package dev.ember.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster-mode driver: the JVM a worker launched to run an application's {@code main}, as
 * {@code ember submit} runs it in client mode (the jar loaded by a class loader over Ember's, the
 * settings as system properties, which the session builder reads). On standard input come first
 * the worker's security settings, then the settings the driver was submitted with (both as
 * {@link ClusterSecurity#writeSettings} writes them); it exits when standard input ends after that,
 * its worker being gone, as Spark's drivers watch their worker. Exit code 0 when {@code main}
 * returns (once the application's non-daemon threads end), 1 when it throws.
 */
public final class DriverProcess {
    private DriverProcess() {
    }

    /** {@code DriverProcess APP.jar MAIN_CLASS [ARGS...]}. */
    public static void main(String[] args) throws Exception {
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Optional<ClusterSecurity> security = ClusterSecurity.readFrom(input);
        Optional<Map<String, String>> settings = security.isPresent() ? ClusterSecurity.readSettings(input) : Optional.empty();
        if (settings.isEmpty()) {
            System.exit(1); // the worker is gone
        }
        settings.get().forEach(System::setProperty);
        security.get().settings().forEach(System::setProperty); // the worker's security settings win

        watchWorker(input);

        Path jar = Path.of(args[0]);
        String className = args[1];
        URLClassLoader loader = new URLClassLoader("ember-app", new URL[] {jar.toUri().toURL()}, DriverProcess.class.getClassLoader());
        Method main = loader.loadClass(className).getMethod("main", String[].class);
        if (!Modifier.isStatic(main.getModifiers())) {
            throw new IllegalArgumentException("the main method of " + className + " is not static");
        }
        Thread.currentThread().setContextClassLoader(loader);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            System.err.println("Ember driver: application " + className + " failed");
            e.getCause().printStackTrace();
            System.exit(1);
        }
    }

    /** Exits once standard input ends: the worker that launched this driver died (or stopped it). */
    private static void watchWorker(BufferedReader input) {
        Thread watcher = new Thread(() -> {
            try {
                while (input.read() >= 0) {
                    // nothing more is sent; reading only notices the end
                }
            } catch (IOException e) {
                // as the end
            }
            System.err.println("Ember driver: its worker is gone; exiting");
            System.exit(1);
        }, "ember-driver-worker-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
