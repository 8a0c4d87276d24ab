package dev.ember.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The class-data-sharing archive (AppCDS) of the benchmark's driver JVMs ({@link QueryRunner}), so
 * that Ember's drivers start as the {@code ember} launcher starts them (it keeps an archive of the
 * classes a driver loads) rather than loading and verifying every class again: a first, unmeasured
 * driver writes it when it exits ({@code -XX:ArchiveClassesAtExit}), the next ones map it. The
 * class path is jars only ({@link BenchEnvironment#jarClassPath()}), which a JVM needs to archive;
 * a JVM whose archive is missing starts without it.
 */
record DriverArchive(Path file) {
    /** No archive: drivers start as plain JVMs (Spark's, as {@code spark-submit} starts them). */
    static final DriverArchive NONE = new DriverArchive(null);

    /** An archive written anew in {@code directory}; none when the class path holds a directory, which a JVM cannot archive. */
    static DriverArchive in(Path directory) throws IOException {
        if (Arrays.stream(BenchEnvironment.jarClassPath().split(File.pathSeparator)).anyMatch(entry -> Files.isDirectory(Path.of(entry)))) {
            System.err.println("the bench's classes are not packaged (run ./ember bench): Ember's drivers start without a class-data archive");
            return NONE;
        }
        Path file = directory.resolve("driver.jsa");
        Files.deleteIfExists(file);
        return new DriverArchive(file);
    }

    /** The java command (with a heap of {@code heap}) of the driver that writes the archive. */
    List<String> trainingCommand(String heap) throws IOException {
        return command(heap, "-XX:ArchiveClassesAtExit=");
    }

    /** The java command of a driver that starts from the archive. */
    List<String> command(String heap) throws IOException {
        return command(heap, "-XX:SharedArchiveFile=");
    }

    private List<String> command(String heap, String option) throws IOException {
        if (file == null) {
            return BenchEnvironment.javaCommand(heap, QueryRunner.class);
        }
        // Quiet about what it cannot archive (classes of old formats, generated ones): the log is for the driver's own output.
        return BenchEnvironment.javaCommand(heap, List.of(option + file, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                QueryRunner.class.getName(), BenchEnvironment.jarClassPath());
    }
}
