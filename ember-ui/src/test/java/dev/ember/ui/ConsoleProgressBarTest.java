package dev.ember.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.events.EmberEvent;
import dev.ember.scheduler.TaskMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressBarTest {

    @Test
    void aBarShowsFinishedAndRunningTasksInSparksFormat() {
        String bar = ConsoleProgressBar.bar(3, 40, 12, 2, 50); // 27 columns of bar, 12/40 of them done
        assertEquals(50, bar.length());
        assertTrue(bar.startsWith("[Stage 3:========> "), bar);
        assertTrue(bar.endsWith(" (12 + 2) / 40]"), bar);
    }

    @Test
    void aStageIsDrawnAfterHalfASecondAndWipedWhenItCompletes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgressBar progress = new ConsoleProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        long longAgo = System.currentTimeMillis() - 1000;
        progress.onEvent(new EmberEvent.StageSubmitted(longAgo, 7, 0, 0, "result stage", 4));
        progress.onEvent(new EmberEvent.TaskStart(longAgo, 7, 0, 1, 0, 0));
        progress.onEvent(new EmberEvent.TaskStart(longAgo, 7, 0, 2, 1, 0));
        progress.onEvent(new EmberEvent.TaskEnd(longAgo, 7, 0, 1, 0, 0, longAgo, "driver", null, TaskMetrics.EMPTY));
        progress.refresh();
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("(1 + 1) / 4]"), bytes.toString(StandardCharsets.UTF_8));
        progress.onEvent(new EmberEvent.StageCompleted(longAgo, 7, 0, 0, null));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("\r"), "wiped");
    }
}
