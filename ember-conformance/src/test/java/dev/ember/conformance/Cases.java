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
 * classes in the {@code programs} package. A case is named by its path relative to {@code sql/}
 * ({@code joins/inner.sql}) or as {@code programs/ClassName}; the system property
 * {@code conformance.filter}, a comma-separated list of substrings, selects the cases whose name
 * contains one of them.
 */
final class Cases {
    static final String FILTER_PROPERTY = "conformance.filter";
    static final String SQL_DIRECTORY_PROPERTY = "conformance.sqlDirectory";
    private static final String PROGRAMS_PACKAGE = "dev.ember.conformance.programs";

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
        String directoryName = PROGRAMS_PACKAGE.replace('.', '/');
        URL url = Cases.class.getClassLoader().getResource(directoryName);
        if (url == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(fileName -> fileName.endsWith(".class") && !fileName.contains("$"))
                    .map(fileName -> PROGRAMS_PACKAGE + "." + fileName.substring(0, fileName.length() - ".class".length()))
                    .sorted()
                    .map(Cases::loadProgram)
                    .flatMap(Stream::ofNullable)
                    .filter(programCase -> selected(programCase.name()))
                    .toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the programs in " + url, e);
        }
    }

    private static ProgramCase loadProgram(String className) {
        try {
            Class<?> type = Class.forName(className);
            if (!DataFrameProgram.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
                return null;
            }
            DataFrameProgram program = (DataFrameProgram) type.getDeclaredConstructor().newInstance();
            return new ProgramCase("programs/" + type.getSimpleName(), program);
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
