package dev.ember.cli;

import dev.ember.cluster.ClusterSecurity;
import dev.ember.cluster.Sizes;
import dev.ember.cluster.Worker;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ember worker ember://HOST:PORT [--cores N] [--memory SIZE] [--work-dir DIR] [--webui-port 8081]}: offers this machine to a master. */
@Command(name = "worker", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Runs a worker of a standalone cluster: registers with the master and launches executor JVMs for its applications.",
                "With EMBER_AUTH_SECRET set, it proves that secret to the master and hands it to its executors on their standard input.",
                "TLS: -Dember.ssl.enabled=true -Dember.ssl.keyStore=... in EMBER_JAVA_OPTS, passwords in EMBER_SSL_KEY_STORE_PASSWORD (README)."})
public final class WorkerCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MASTER", description = "The master's URL, ember://HOST:PORT.")
    String master;

    @Option(names = "--host", paramLabel = "HOST", description = "Address executors listen on and advertise. Default: this machine's address.")
    String host;

    @Option(names = "--cores", paramLabel = "N", description = "Cores to offer. Default: all of this machine's.")
    Integer cores;

    @Option(names = "--memory", paramLabel = "SIZE", description = "Memory to offer to executors (512m, 4g). Default: this machine's, less 1 GiB.")
    String memory;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "work", description = "Where executors run, one directory each. Default: ${DEFAULT-VALUE}.")
    Path workDir;

    @Option(names = "--webui-port", paramLabel = "PORT", defaultValue = "8081",
            description = "Port of its web UI (the next free one if taken; 0: any free port). Default: ${DEFAULT-VALUE}.")
    int webUiPort;

    @Override
    public Integer call() throws InterruptedException {
        Worker worker = Worker.start(master, host == null ? LocalAddress.get() : host,
                cores == null ? Runtime.getRuntime().availableProcessors() : cores,
                memory == null ? defaultMemory() : Sizes.parse(memory), workDir, webUiPort, ClusterSecurity.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(worker::close));
        worker.printAddresses();
        Thread.currentThread().join();
        return 0;
    }

    /** As Spark's worker: the machine's memory less 1 GiB for the system, at least 1 GiB. */
    private static long defaultMemory() {
        long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return Math.max(1L << 30, total - (1L << 30));
    }
}
