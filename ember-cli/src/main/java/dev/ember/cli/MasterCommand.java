package dev.ember.cli;

import dev.ember.cluster.ClusterSecurity;
import dev.ember.cluster.Master;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ember master [--host H] [--port 7077] [--webui-port 8080] [--recovery-dir DIR]}: runs a standalone cluster's master until stopped. */
@Command(name = "master", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Runs the master of a standalone cluster: workers register with it, applications (--master ember://HOST:PORT) get executors from it.",
                "With EMBER_AUTH_SECRET set, it refuses workers and drivers that cannot prove that secret.",
                "TLS: -Dember.ssl.enabled=true -Dember.ssl.keyStore=... in EMBER_JAVA_OPTS, passwords in EMBER_SSL_KEY_STORE_PASSWORD (README)."})
public final class MasterCommand implements Callable<Integer> {
    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on and to advertise. Default: this machine's address.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7077", description = "Port to listen on (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--webui-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of its web UI (the next free one if taken; 0: any free port). Default: ${DEFAULT-VALUE}.")
    int webUiPort;

    @Option(names = "--recovery-dir", paramLabel = "DIR",
            description = "Where the master keeps its state, to take it up again when restarted (default: the system property ember.deploy.recoveryDirectory, else none).")
    Path recoveryDirectory;

    @Override
    public Integer call() throws InterruptedException {
        Master master = Master.start(host == null ? LocalAddress.get() : host, port, webUiPort, ClusterSecurity.fromEnvironment(),
                Master.recoveryDirectory(Optional.ofNullable(recoveryDirectory)));
        Runtime.getRuntime().addShutdownHook(new Thread(master::close));
        master.printAddresses();
        master.awaitTermination();
        return 0;
    }
}
