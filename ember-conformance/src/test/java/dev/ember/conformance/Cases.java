package dev.ember.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the cases: SQL scripts under {@code src/test/resources/sql} and {@link DataFrameProgram}
 * classes in the {@code programs} package, {@link RddProgram} classes in the {@code rdd} package.
 * A case is named by its path relative to {@code sql/}
 * ({@code joins/inner.sql}) or as {@code programs/ClassName}; the system property
 * {@code conformance.filter}, a comma-separated list of substrings, selects the cases whose name
 * contains one of them.
 */
final class Cases {
    static final String FILTER_PROPERTY = "conformance.filter";
    static final String SQL_DIRECTORY_PROPERTY = "conformance.sqlDirectory";
    private static final String PROGRAMS_PACKAGE = "dev.ember.conformance.programs";
    private static final String RDD_PACKAGE = "dev.ember.conformance.rdd";

    private Cases() {
    }

    record SqlCase(String name, Path file) {
    }

    record ProgramCase(String name, DataFrameProgram program) {
    }

    /**
     * {@code src/test/resources/sql}, or the directory the system property
     * {@code conformance.sqlDirectory} names (relative to the module), e.g. a backlog of cases
     * kept out of the build.
     */
    static Path sqlDirectory() {
        return Sessions.moduleDirectory().resolve(System.getProperty(SQL_DIRECTORY_PROPERTY, "src/test/resources/sql"));
    }

    static List<SqlCase> sqlCases() {
        Path root = sqlDirectory();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".sql"))
                    .map(file -> new SqlCase(root.relativize(file).toString().replace('\\', '/'), file))
                    .filter(sqlCase -> selected(sqlCase.name()))
                    .sorted(Comparator.comparing(SqlCase::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the SQL cases under " + root, e);
        }
    }

    /** Every concrete {@link DataFrameProgram} among the compiled classes of the programs package. */
    static List<ProgramCase> programCases() {
        return instancesIn(PROGRAMS_PACKAGE, DataFrameProgram.class).stream()
                .map(program -> new ProgramCase("programs/" + program.getClass().getSimpleName(), program))
                .filter(programCase -> selected(programCase.name()))
                .toList();
    }

    record RddCase(String name, RddProgram program) {
    }

    /** Every concrete {@link RddProgram} among the compiled classes of the rdd package, named {@code rdd/ClassName}. */
    static List<RddCase> rddCases() {
        return instancesIn(RDD_PACKAGE, RddProgram.class).stream()
                .map(program -> new RddCase("rdd/" + program.getClass().getSimpleName(), program))
                .filter(rddCase -> selected(rddCase.name()))
                .toList();
    }

    /** An instance of every concrete top-level class of {@code packageName} that is a {@code type}, by class name. */
    private static <T> List<T> instancesIn(String packageName, Class<T> type) {
        String directoryName = packageName.replace('.', '/');
        URL url = Cases.class.getClassLoader().getResource(directoryName);
        if (url == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(fileName -> fileName.endsWith(".class") && !fileName.contains("$"))
                    .map(fileName -> packageName + "." + fileName.substring(0, fileName.length() - ".class".length()))
                    .sorted()
                    .map(className -> instantiate(className, type))
                    .flatMap(Stream::ofNullable)
                    .toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the classes in " + url, e);
        }
    }

    private static <T> T instantiate(String className, Class<T> type) {
        try {
            Class<?> loaded = Class.forName(className);
            if (!type.isAssignableFrom(loaded) || Modifier.isAbstract(loaded.getModifiers()) || loaded.isInterface()) {
                return null;
            }
            return type.cast(loaded.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate " + className + " (it needs a public no-argument constructor)", e);
        }
    }

    static boolean selected(String caseName) {
        String filter = System.getProperty(FILTER_PROPERTY, "").strip();
        return filter.isEmpty() || Arrays.stream(filter.split(","))
                .map(String::strip)
                .anyMatch(part -> !part.isEmpty() && caseName.contains(part));
    }
}
