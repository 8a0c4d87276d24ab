package dev.ember.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorArchiveTest {
    @TempDir
    Path work;

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void aTrainingRunWritesTheArchiveThatExecutorsThenUseUntilTheClassPathChanges() throws Exception {
        Path jar = Files.write(work.resolve("app.jar"), new byte[0]);
        ExecutorArchive archive = ExecutorArchive.of(work, java(), jar.toString());
        assertThat(archive.jvmOptions()).isEmpty();

        archive.create(List.of(java(), "-version"), ClusterSecurity.none()); // any JVM that exits writes the classes it loaded
        assertThat(archive.jvmOptions()).singleElement().asString().startsWith("-XX:SharedArchiveFile=" + work.resolve("cds"));
        Path file = Path.of(archive.jvmOptions().get(0).substring("-XX:SharedArchiveFile=".length()));
        assertThat(file).isNotEmptyFile();

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        assertThat(ExecutorArchive.of(work, java(), jar.toString()).jvmOptions()).isEmpty(); // a rebuilt jar: another archive, not written yet
    }

    @Test
    void thereIsNoArchiveOfAClassPathWithADirectory() throws Exception {
        Path classes = Files.createDirectories(work.resolve("classes"));
        Files.writeString(classes.resolve("A.class"), "");
        ExecutorArchive archive = ExecutorArchive.of(work.resolve("worker"), java(), classes + File.pathSeparator + work.resolve("app.jar"));
        archive.create(List.of(java(), "-version"), ClusterSecurity.none());
        assertThat(archive.jvmOptions()).isEmpty();
        assertThat(work.resolve("worker")).doesNotExist();
    }
}
