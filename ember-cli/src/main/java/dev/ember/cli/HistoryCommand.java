package dev.ember.cli;

import dev.ember.ui.EventLog;
import dev.ember.ui.HistoryServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ember history [--port 18080] [--dir DIR]}: serves the finished applications of an event log directory. */
@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Serves the UI of finished applications from their event logs (written with --conf ember.eventLog.enabled=true).")
public final class HistoryCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "18080", description = "Port of the history server. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--dir", paramLabel = "DIR", description = "The event log directory (ember.eventLog.dir). Default: " + EventLog.DEFAULT_DIR + ".")
    String dir;

    @Override
    public Integer call() throws InterruptedException {
        Path directory = Path.of(dir != null ? dir : System.getProperty(EventLog.DIR, EventLog.DEFAULT_DIR));
        HistoryServer server = new HistoryServer(directory, port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("Ember history server at http://" + LocalAddress.get() + ":" + server.port() + " (" + directory + ")");
        System.out.flush();
        new CountDownLatch(1).await();
        return 0;
    }
}
