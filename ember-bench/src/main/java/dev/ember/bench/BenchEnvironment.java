package dev.ember.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What the benchmarks need to start child JVMs: this JDK's {@code java}, the bench module's class
 * path (its classes plus {@code runtime.classpath}, which the build writes next to them) and
 * Spark's module flags ({@code bench.properties}, filtered from the root POM).
 */
public final class BenchEnvironment {
    private BenchEnvironment() {
    }

    /** {@code java [heap] [Spark's flags] -cp <bench class path> mainClass}: the start of a child command. */
    public static List<String> javaCommand(String heap, Class<?> mainClass) throws IOException {
        return javaCommand(heap, mainClass.getName());
    }

    /** {@link #javaCommand(String, Class)} for a class named, such as one of Spark's. */
    public static List<String> javaCommand(String heap, String mainClass) throws IOException {
        return javaCommand(heap, mainClass, classPath());
    }

    /** {@link #javaCommand(String, String)} on another class path. */
    public static List<String> javaCommand(String heap, String mainClass, String classPath) throws IOException {
        return javaCommand(heap, List.of(), mainClass, classPath);
    }

    /** {@link #javaCommand(String, String, String)} with more JVM options. */
    public static List<String> javaCommand(String heap, List<String> jvmOptions, String mainClass, String classPath) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (heap != null) {
            command.add("-Xmx" + heap);
        }
        command.addAll(jvmOptions);
        command.addAll(sparkJvmFlags());
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        return command;
    }

    /** The module flags Spark needs on Java 17 (its launcher's), which every child JVM gets. */
    public static List<String> sparkJvmFlags() throws IOException {
        return Arrays.asList(resource("bench.properties").getProperty("spark.jvm.flags").trim().split("\\s+"));
    }

    /** This module's classes and its whole runtime class path. */
    public static String classPath() throws IOException {
        return classes() + File.pathSeparator + runtimeClassPath();
    }

    /**
     * {@link #classPath()} with this module's jar in place of its classes when the build packaged
     * them (as {@code ./ember bench} does) and the jar is not older than any of them: jars only,
     * which a JVM can archive for class-data sharing, as Ember's workers do for their executors.
     */
    public static String jarClassPath() throws IOException {
        Path classes = classes();
        try (Stream<Path> siblings = Files.list(classes.getParent()); Stream<Path> classFiles = Files.walk(classes)) {
            // Classes only: the build rewrites the resources beside them (runtime.classpath) without re-packing an unchanged jar.
            long newestClass = classFiles.filter(file -> file.toString().endsWith(".class"))
                    .mapToLong(file -> file.toFile().lastModified()).max().orElse(0);
            Optional<Path> jar = siblings.filter(file -> file.getFileName().toString().matches("ember-bench-[^-]+(-SNAPSHOT)?\\.jar"))
                    .filter(file -> file.toFile().lastModified() >= newestClass).findFirst();
            return jar.orElse(classes) + File.pathSeparator + runtimeClassPath();
        }
    }

    /** The Apache Spark version the benchmarks run (the root POM's {@code spark.version}). */
    public static String sparkVersion() throws IOException {
        return resource("bench.properties").getProperty("spark.version");
    }

    /** The version of {@code artifact} (ember, spark or duckdb) this build runs. */
    public static String version(String artifact) throws IOException {
        return resource("bench.properties").getProperty(artifact + ".version");
    }

    /** What the report says about the machine: cores, memory, processor, operating system. */
    public static Map<String, Object> machine() throws IOException {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryBytes", procField("/proc/meminfo", "MemTotal") * 1024);
        machine.put("cpu", procLine("/proc/cpuinfo", "model name"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.version"));
        return machine;
    }

    private static long procField(String file, String key) throws IOException {
        String line = procLine(file, key);
        return line.isEmpty() ? -1 : Long.parseLong(line.replaceAll("\\D", ""));
    }

    /** The value after {@code key:} on the first such line of a /proc file, or "" (not Linux). */
    private static String procLine(String file, String key) throws IOException {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            return "";
        }
        try (var lines = Files.lines(path)) {
            return lines.filter(line -> line.startsWith(key)).map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("");
        }
    }

    /** The directory (or jar) this module's classes load from. */
    public static Path classes() {
        try {
            return Path.of(BenchEnvironment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The repository root: the first directory above the classes with the {@code ember} launcher and a POM. */
    public static Path repositoryRoot() {
        for (Path dir = classes(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("ember")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no ./ember launcher above " + classes());
    }

    private static String runtimeClassPath() throws IOException {
        try (InputStream in = BenchEnvironment.class.getResourceAsStream("runtime.classpath")) {
            if (in == null) {
                throw new IllegalStateException("runtime.classpath is missing: build ember-bench with ./mvnw -pl ember-bench -am package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    private static Properties resource(String name) throws IOException {
        try (InputStream in = BenchEnvironment.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing: build ember-bench with ./mvnw -pl ember-bench -am package");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        }
    }
}
