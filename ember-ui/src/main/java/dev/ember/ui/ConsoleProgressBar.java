package dev.ember.ui;

import dev.ember.events.EmberEvent;
import dev.ember.events.EmberListener;
import dev.ember.events.SessionPlugin;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Spark's console progress bar, {@code [Stage 3:=====>      (12 + 2) / 40]}, redrawn on standard
 * error for the running stages (with {@code ember.ui.showConsoleProgress}, which {@code ember sql}
 * and {@code ember submit} turn on), only when there is a terminal, and only for stages that ran
 * longer than half a second, as Spark shows it.
 */
public final class ConsoleProgressBar implements SessionPlugin, EmberListener {
    public static final String ENABLED = "ember.ui.showConsoleProgress";
    private static final int WIDTH = 80;
    private static final long FIRST_DELAY_MILLIS = 500;

    private final Map<Integer, int[]> running = new TreeMap<>(); // stage id: total, succeeded, active
    private final Map<Integer, Long> started = new TreeMap<>();
    private final PrintStream out;
    private String shown = "";

    public ConsoleProgressBar() {
        this(System.err);
    }

    ConsoleProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public AutoCloseable start(Application application) {
        if (!application.conf().booleanValue(ENABLED, false) || System.console() == null) {
            return null;
        }
        ConsoleProgressBar bar = new ConsoleProgressBar(System.err);
        application.events().addListener(bar);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ember-progress-bar");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(bar::refresh, 200, 200, TimeUnit.MILLISECONDS);
        return () -> {
            timer.shutdownNow();
            bar.clear();
        };
    }

    @Override
    public synchronized void onEvent(EmberEvent event) {
        if (event instanceof EmberEvent.StageSubmitted submitted) {
            running.put(submitted.stageId(), new int[] {submitted.taskCount(), 0, 0});
            started.put(submitted.stageId(), submitted.time());
        } else if (event instanceof EmberEvent.StageCompleted completed) {
            running.remove(completed.stageId());
            started.remove(completed.stageId());
            if (running.isEmpty()) {
                clear();
            }
        } else if (event instanceof EmberEvent.TaskStart start && running.containsKey(start.stageId())) {
            running.get(start.stageId())[2]++;
        } else if (event instanceof EmberEvent.TaskEnd end && running.containsKey(end.stageId())) {
            int[] counts = running.get(end.stageId());
            counts[2]--;
            counts[1] += end.failureReason() == null ? 1 : 0;
        }
    }

    /** Redraws the bar of the stages running for longer than the first delay. */
    synchronized void refresh() {
        long now = System.currentTimeMillis();
        StringBuilder line = new StringBuilder();
        int shownStages = (int) started.values().stream().filter(time -> now - time >= FIRST_DELAY_MILLIS).count();
        int width = shownStages == 0 ? WIDTH : WIDTH / shownStages;
        running.forEach((stage, counts) -> {
            if (now - started.get(stage) >= FIRST_DELAY_MILLIS) {
                line.append(bar(stage, counts[0], counts[1], counts[2], width));
            }
        });
        String text = line.toString();
        if (!text.isEmpty() && !text.equals(shown)) {
            out.print("\r" + text);
            out.flush();
            shown = text;
        }
    }

    /** One stage's bar, Spark's format: {@code [Stage 3:=====>      (12 + 2) / 40]}. */
    static String bar(int stage, int total, int succeeded, int active, int width) {
        String header = "[Stage " + stage + ":";
        String tailer = "(" + succeeded + " + " + active + ") / " + total + "]";
        int room = width - header.length() - tailer.length();
        StringBuilder bar = new StringBuilder(header);
        if (room > 0) {
            int done = total == 0 ? room : room * succeeded / total;
            for (int i = 0; i < room; i++) {
                bar.append(i < done ? '=' : i == done ? '>' : ' ');
            }
        }
        return bar.append(tailer).toString();
    }

    /** Wipes the bar, so that results print on a clean line. */
    synchronized void clear() {
        if (!shown.isEmpty()) {
            out.print("\r" + " ".repeat(shown.length()) + "\r");
            out.flush();
            shown = "";
        }
    }
}
