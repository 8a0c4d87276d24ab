package dev.ember.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.rdd.Pair;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.ui.ApplicationUi;
import dev.ember.ui.EventLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster with a secret and TLS (RPC, shuffle and web UIs), from a key store made here with the
 * JDK's keytool: jobs run over it, its UIs answer over HTTPS, a driver without TLS cannot reach it,
 * and no secret shows on an executor's command line or environment, in the event log or in SET.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ClusterTlsTest {
    @TempDir
    Path work;

    private final String secret = "secret-" + UUID.randomUUID();
    private final String keyStorePassword = "ks-" + UUID.randomUUID();
    private final String trustStorePassword = "ts-" + UUID.randomUUID();

    @Test
    void aClusterWithTlsAndASecretRunsJobsAndServesItsUisOverHttps() throws Exception {
        Path keyStore = work.resolve("node.p12");
        Path trustStore = work.resolve("trust.p12");
        makeKeyStores(keyStore, trustStore);
        Map<String, String> environment = Map.of(ClusterSecurity.ENVIRONMENT_VARIABLE, secret, "EMBER_SSL_KEY_STORE_PASSWORD", keyStorePassword,
                "EMBER_SSL_TRUST_STORE_PASSWORD", trustStorePassword);
        // The spark.ssl.* names are aliases.
        List<String> jvmOptions = List.of("-Dember.ssl.enabled=true", "-Dspark.ssl.keyStore=" + keyStore, "-Dember.ssl.trustStore=" + trustStore);
        Path events = Files.createDirectories(work.resolve("events"));
        try (LocalCluster cluster = new LocalCluster(environment, jvmOptions)) {
            String master = cluster.startMaster();
            Process worker1 = cluster.startWorker(1, work.resolve("worker-1"));
            Process worker2 = cluster.startWorker(1, work.resolve("worker-2"));

            assertThatThrownBy(() -> EmberSession.builder().master(master).config("ember.authenticate", "true")
                    .config("ember.authenticate.secret", secret).config("ember.ui.enabled", "false").getOrCreate())
                    .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.CLUSTER_NO_EXECUTORS))
                    .hasMessageContaining("did not answer");

            try (EmberSession session = EmberSession.builder().master(master).config("ember.executor.memory", "256m")
                    .config("ember.authenticate", "true").config("ember.authenticate.secret", secret)
                    .config("ember.ssl.enabled", "true").config("ember.ssl.keyStore", keyStore.toString())
                    .config("ember.ssl.keyStorePassword", keyStorePassword).config("ember.ssl.keyStoreType", "PKCS12")
                    .config("spark.ssl.trustStore", trustStore.toString()).config("spark.ssl.trustStorePassword", trustStorePassword)
                    .config(ApplicationUi.PORT, 0).config(EventLog.ENABLED, "true").config(EventLog.DIR, events.toString())
                    .config("ember.sql.autoBroadcastJoinThreshold", "-1").config("ember.sql.adaptive.autoBroadcastJoinThreshold", "-1")
                    .getOrCreate()) {
                Map<Integer, Long> byRemainder = session.context().parallelize(IntStream.range(0, 1000).boxed().toList(), 4)
                        .mapToPair(n -> Pair.of(n % 7, (long) n)).reduceByKey(Long::sum, 3).collectAsMap();
                assertThat(byRemainder).hasSize(7).containsEntry(0, 71_071L).containsEntry(6, 70_929L);
                List<Row> rows = session.sql("""
                        SELECT o.k, count(*) AS n, sum(l.v) AS total
                        FROM (SELECT id AS k FROM range(0, 10)) o JOIN (SELECT id % 10 AS k, id AS v FROM range(0, 10000)) l ON o.k = l.k
                        WHERE o.k < 3 GROUP BY o.k ORDER BY o.k""").collectAsList();
                assertThat(rows).extracting(Row::toString).containsExactly("[0,1000,4995000]", "[1,1000,4996000]", "[2,1000,4997000]");

                SSLContext client = trusting(trustStore);
                assertThat(cluster.masterWebUi()).startsWith("https://");
                assertThat(get(client, cluster.masterWebUi() + "/")).contains("Workers (2)").contains("https://127.0.0.1:");
                assertThat(cluster.webUiOf(worker1)).startsWith("https://");
                assertThat(get(client, cluster.webUiOf(worker1) + "/")).contains("Executors");
                String applicationUi = session.conf().get(ApplicationUi.WEB_URL, "");
                assertThat(applicationUi).startsWith("https://");
                assertThat(get(client, applicationUi + "/environment/")).contains("*********(redacted)").doesNotContain(secret)
                        .doesNotContain(keyStorePassword).doesNotContain(trustStorePassword);

                assertThat(session.sql("SET").collectAsList()).extracting(Row::toString)
                        .noneMatch(row -> row.contains(secret) || row.contains(keyStorePassword));

                List<ProcessHandle> executors = new ArrayList<>();
                for (Process worker : List.of(worker1, worker2)) {
                    executors.addAll(LocalCluster.executorsOf(worker));
                    executors.addAll(LocalCluster.sparesOf(worker));
                }
                assertThat(executors).hasSizeGreaterThanOrEqualTo(2);
                for (ProcessHandle executor : executors) {
                    assertNoSecretIn(Path.of("/proc", String.valueOf(executor.pid()), "cmdline"));
                    assertNoSecretIn(Path.of("/proc", String.valueOf(executor.pid()), "environ"));
                }
                for (Path log : files(work.resolve("worker-1"))) {
                    assertNoSecretIn(log);
                }
            }
            List<Path> eventLogs = files(events);
            assertThat(eventLogs).isNotEmpty();
            for (Path log : eventLogs) {
                assertNoSecretIn(log);
            }
        }
    }

    private void assertNoSecretIn(Path file) throws IOException {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            return; // the process exited meanwhile
        }
        assertThat(text).as(file.toString()).doesNotContain(secret).doesNotContain(keyStorePassword).doesNotContain(trustStorePassword);
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    /** A key pair for 127.0.0.1 and localhost in a PKCS12 key store, its certificate alone in a trust store. */
    private void makeKeyStores(Path keyStore, Path trustStore) throws Exception {
        Path certificate = work.resolve("node.cer");
        keytool("-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", keyStorePassword, "-keypass", keyStorePassword);
        keytool("-exportcert", "-alias", "node", "-keystore", keyStore.toString(), "-storepass", keyStorePassword, "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "node", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", trustStorePassword);
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("keytool %s: %s", arguments[0], output).isZero();
    }

    private SSLContext trusting(Path trustStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            store.load(in, trustStorePassword.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static String get(SSLContext context, String url) throws IOException {
        HttpsURLConnection connection = (HttpsURLConnection) URI.create(url).toURL().openConnection();
        connection.setSSLSocketFactory(context.getSocketFactory());
        assertThat(connection.getResponseCode()).as(url).isEqualTo(200);
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
