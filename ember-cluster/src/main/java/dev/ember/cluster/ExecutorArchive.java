package dev.ember.cluster;

import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * The class-data-sharing archive (AppCDS) of the executor JVMs a worker starts: the classes an
 * executor loads, mapped when it starts instead of being loaded and verified again, which takes
 * more than half off a spare's start-up CPU time. It lives in the worker's work directory as
 * {@code cds/executor-KEY.jsa}, the key naming the java and the class path with its files' sizes
 * and times, so that a rebuild or another JDK gets an archive of its own. One training run writes
 * it: a spare that warms up and exits ({@code -XX:ArchiveClassesAtExit}, which Java 17 has; the
 * executors themselves are killed, so they could not write it at exit). A JVM cannot archive from
 * a class path with a directory on it (a build's {@code target/classes}): there is no archive then.
 * A JVM whose archive is missing or stale starts without it, as without the option.
 */
final class ExecutorArchive {
    private static final long TRAINING_TIMEOUT_SECONDS = 120;

    private final Path file;
    private final boolean possible;

    private ExecutorArchive(Path file, boolean possible) {
        this.file = file;
        this.possible = possible;
    }

    /** The archive of executors started with {@code java} on {@code classPath}, in {@code workDirectory}. */
    static ExecutorArchive of(Path workDirectory, String java, String classPath) {
        CRC32 key = new CRC32();
        key.update((java + "\n" + Runtime.version() + "\n").getBytes(StandardCharsets.UTF_8));
        boolean possible = true;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            possible &= !Files.isDirectory(path);
            key.update((entry + "\n" + path.toFile().length() + "\n" + path.toFile().lastModified() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String name = "executor-" + HexFormat.of().toHexDigits((int) key.getValue()) + ".jsa";
        return new ExecutorArchive(workDirectory.resolve("cds").resolve(name), possible);
    }

    /** The options that make a JVM use the archive; none while there is none. */
    List<String> jvmOptions() {
        return Files.isRegularFile(file) ? List.of("-XX:SharedArchiveFile=" + file) : List.of();
    }

    /**
     * Writes the archive, unless it exists or cannot be: runs {@code training} (a spare executor's
     * command line), the option that writes the archive added
     * after the java. A training run that leaves no archive is not tried again for this key.
     */
    void create(List<String> training, ClusterSecurity security) {
        Path failed = file.resolveSibling(file.getFileName() + ".failed");
        if (!possible || Files.exists(file) || Files.exists(failed)) {
            return;
        }
        Path written = file.resolveSibling(file.getFileName() + ".tmp");
        List<String> command = new ArrayList<>(training);
        command.add(1, "-XX:ArchiveClassesAtExit=" + written);
        try {
            Files.createDirectories(file.getParent());
            Process process = new ProcessBuilder(command).directory(file.getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(file.resolveSibling("training.log").toFile()).start();
            // The spare reads the security settings (a spare without them exits at once), warms up,
            // finds its standard input ended, and exits.
            try (Writer settings = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
                security.writeTo(settings);
            }
            if (!process.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            if (Files.isRegularFile(written) && Files.size(written) > 0) {
                Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(written);
                Files.createFile(failed);
            }
        } catch (IOException e) {
            System.err.println("Ember worker: no class-data archive for executors (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
