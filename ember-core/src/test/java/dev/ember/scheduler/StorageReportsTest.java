package dev.ember.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.events.EmberEvent;
import dev.ember.events.ListenerBus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class StorageReportsTest {

    @Test
    void anExecutorsStorageMemoryIsPostedWhenItChanged() {
        try (ListenerBus bus = new ListenerBus(100)) {
            List<String> posted = new CopyOnWriteArrayList<>();
            bus.addListener(event -> {
                if (event instanceof EmberEvent.ExecutorMetricsUpdate update) {
                    posted.add(update.executorId() + "=" + update.storageMemoryUsed());
                }
            });
            StorageReports reports = new StorageReports(bus);
            reports.report("1", 0);
            reports.report("1", 0);
            reports.report("2", 0);
            reports.report("1", 512);
            reports.report("1", 512);
            reports.forget("1");
            reports.report("1", 512);
            assertThat(bus.waitUntilEmpty(10_000)).isTrue();
            assertThat(posted).containsExactly("1=0", "2=0", "1=512", "1=512");
        }
    }
}
