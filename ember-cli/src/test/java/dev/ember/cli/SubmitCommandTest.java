package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmitCommandTest {
    private static final String SAMPLE = SampleApplication.class.getName();

    @TempDir
    Path directory;

    @AfterEach
    void clearProperties() {
        System.clearProperty("ember.master");
        System.clearProperty("spark.sql.shuffle.partitions");
        System.clearProperty("ember.driver.memory");
        System.clearProperty("ember.jars");
        SampleApplication.arguments = null;
        SampleApplication.master = null;
        SampleApplication.contextClassLoader = null;
    }

    @Test
    void runsTheManifestMainClassWithTheArgumentsAfterTheJar() throws IOException {
        Path jar = jar("app with spaces.jar", SAMPLE);

        CliRun run = CliRun.run("submit", "--master", "local[3]", "--conf", "spark.sql.shuffle.partitions=5",
                "--driver-memory", "1g", jar.toString(), "input.txt", "--verbose", "-x");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(SampleApplication.arguments).containsExactly("input.txt", "--verbose", "-x");
        assertThat(SampleApplication.master).isEqualTo("local[3]");
        assertThat(System.getProperty("spark.sql.shuffle.partitions")).isEqualTo("5");
        assertThat(System.getProperty("ember.driver.memory")).isEqualTo("1g");
        assertThat(System.getProperty("ember.jars")).isEqualTo(jar.toAbsolutePath().toString());
        assertThat(SampleApplication.contextClassLoader.getName()).isEqualTo("ember-app");
    }

    @Test
    void prefersTheClassOption() throws IOException {
        Path jar = jar("app.jar", "com.example.Missing");

        CliRun run = CliRun.run("submit", "--class", SAMPLE, jar.toString(), "a");

        assertThat(run.exitCode()).isZero();
        assertThat(SampleApplication.arguments).containsExactly("a");
        assertThat(SampleApplication.master).isNull();
    }

    @Test
    void failsWhenTheJarIsMissing() {
        Path missing = directory.resolve("missing.jar");

        CliRun run = CliRun.run("submit", missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: application jar not found: " + missing.toAbsolutePath() + "\n");
    }

    @Test
    void failsWhenNoMainClassIsNamed() throws IOException {
        Path jar = jar("app.jar", null);

        CliRun run = CliRun.run("submit", jar.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: no main class: pass --class MAIN, or set Main-Class in the manifest of " + jar + "\n");
    }

    @Test
    void failsWhenTheMainClassIsNotFound() throws IOException {
        Path jar = jar("app.jar", "com.example.Missing");

        CliRun run = CliRun.run("submit", jar.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: main class com.example.Missing not found in " + jar + "\n");
    }

    @Test
    void failsWhenTheClassHasNoMainMethod() throws IOException {
        Path jar = jar("app.jar", null);

        CliRun run = CliRun.run("submit", "--class", FakeScriptRunner.class.getName(), jar.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: class " + FakeScriptRunner.class.getName()
                + " has no public static void main(String[]) method\n");
    }

    @Test
    void printsTheStackTraceWhenTheApplicationFails() throws IOException {
        Path jar = jar("app.jar", SAMPLE);

        CliRun run = CliRun.run("submit", jar.toString(), "fail");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: application " + SAMPLE + " failed: "
                + "java.lang.IllegalStateException: the application failed on purpose\n\tat " + SAMPLE + ".main(");
    }

    @Test
    void needsTheJar() {
        CliRun run = CliRun.run("submit", "--class", SAMPLE);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: Missing required parameter: 'APP.jar'");
    }

    /** A jar holding {@link SampleApplication}, with {@code mainClass} (if any) in its manifest. */
    private Path jar(String name, String mainClass) throws IOException {
        Path jar = directory.resolve(name);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        String entry = SAMPLE.replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream classFile = SampleApplication.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
