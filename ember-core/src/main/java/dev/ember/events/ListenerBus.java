package dev.ember.events;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers events to listeners from a bounded queue on a thread of its own, so that posting never
 * waits: when the queue is full the event is dropped and counted, as Spark's
 * {@code spark.scheduler.listenerbus.eventqueue.capacity} does. A listener that throws is reported
 * once per failure on standard error and keeps receiving events.
 */
public final class ListenerBus implements AutoCloseable {
    /** Spark's {@code spark.scheduler.listenerbus.eventqueue.capacity}. */
    public static final String CAPACITY = "ember.scheduler.listenerbus.eventqueue.capacity";
    public static final int DEFAULT_CAPACITY = 10_000;

    private final BlockingQueue<EmberEvent> queue;
    private final List<EmberListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong posted = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final Thread dispatcher;
    private volatile boolean stopped;

    public ListenerBus(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.dispatcher = new Thread(this::dispatch, "ember-listener-bus");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    public void addListener(EmberListener listener) {
        listeners.add(listener);
    }

    public void removeListener(EmberListener listener) {
        listeners.remove(listener);
    }

    /** Queues the event for the listeners; drops it when the queue is full or the bus stopped. */
    public void post(EmberEvent event) {
        if (stopped || !queue.offer(event)) {
            dropped.incrementAndGet();
            return;
        }
        posted.incrementAndGet();
    }

    /** Events lost because the queue was full. */
    public long droppedEvents() {
        return dropped.get();
    }

    /** Waits until every event posted so far has reached the listeners; false when the time ran out. */
    public boolean waitUntilEmpty(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long target = posted.get();
        synchronized (delivered) {
            while (delivered.get() < target) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                try {
                    delivered.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private void dispatch() {
        while (!stopped || !queue.isEmpty()) {
            EmberEvent event;
            try {
                event = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue; // close() interrupts only to stop waiting; what is queued is still delivered
            }
            if (event == null) {
                continue;
            }
            for (EmberListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    System.err.println("Listener " + listener.getClass().getName() + " failed on " + event.getClass().getSimpleName() + ": " + e);
                }
            }
            synchronized (delivered) {
                delivered.incrementAndGet();
                delivered.notifyAll();
            }
        }
    }

    /** Delivers what is queued (waiting up to 10 s), then stops the thread; later posts are dropped. */
    @Override
    public void close() {
        waitUntilEmpty(10_000);
        stopped = true;
        dispatcher.interrupt();
        try {
            dispatcher.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
