package dev.ember.scheduler;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.exec.Operator;
import dev.ember.exec.PhysicalPlan;
import dev.ember.exec.ShuffleExchangeExec;
import dev.ember.exec.TaskContext;
import dev.ember.vector.Batch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a physical plan as a job: the plan is cut at its exchanges into stages; each map stage (the
 * part below an exchange) runs one task per input partition and publishes its shuffle output, in
 * dependency order; then the result stage runs one task per output partition. Tasks run on the
 * executor's task threads ({@code local[N]}: N threads of this process).
 */
public final class DagScheduler {
    private final ExecutorService taskThreads;
    private final AtomicInteger stageIds = new AtomicInteger();

    public DagScheduler(ExecutorService taskThreads) {
        this.taskThreads = taskThreads;
    }

    /** Runs the plan and returns the batches of each output partition, in partition order. */
    public List<List<Batch>> run(PhysicalPlan plan) {
        ShuffleStore shuffles = new ShuffleStore();
        List<ShuffleExchangeExec> exchanges = new ArrayList<>();
        collectExchanges(plan, exchanges);
        Map<Integer, Integer> lastReader = lastReadingStage(exchanges, plan);
        for (int stage = 0; stage < exchanges.size(); stage++) {
            runMapStage(exchanges.get(stage), shuffles);
            // A shuffle no later stage reads is garbage: free it now rather than when the job ends.
            for (Map.Entry<Integer, Integer> reader : lastReader.entrySet()) {
                if (reader.getValue() == stage) {
                    shuffles.remove(reader.getKey());
                }
            }
        }
        int stageId = stageIds.incrementAndGet();
        List<Future<List<Batch>>> tasks = new ArrayList<>();
        for (int partition = 0; partition < plan.partitionCount(); partition++) {
            int p = partition;
            tasks.add(taskThreads.submit(() -> {
                List<Batch> batches = new ArrayList<>();
                try (Operator operator = plan.open(new TaskContext(stageId, p, shuffles), p)) {
                    for (Batch batch = operator.next(); batch != null; batch = operator.next()) {
                        batches.add(batch);
                    }
                }
                return batches;
            }));
        }
        return awaitAll(tasks, stageId);
    }

    /** Exchanges in the order their map stages must run: inner (deeper) ones first. */
    private static void collectExchanges(PhysicalPlan node, List<ShuffleExchangeExec> out) {
        for (PhysicalPlan child : node.children()) {
            collectExchanges(child, out);
        }
        if (node instanceof ShuffleExchangeExec exchange) {
            out.add(exchange);
        }
    }

    /**
     * For each shuffle, the index of the last stage that reads it: a map stage's index in
     * {@code exchanges}, or {@code exchanges.size()} for the result stage.
     */
    private static Map<Integer, Integer> lastReadingStage(List<ShuffleExchangeExec> exchanges, PhysicalPlan plan) {
        Map<Integer, Integer> lastReader = new HashMap<>();
        for (int stage = 0; stage <= exchanges.size(); stage++) {
            PhysicalPlan root = stage < exchanges.size() ? exchanges.get(stage).child() : plan;
            List<ShuffleExchangeExec> inputs = new ArrayList<>();
            collectStageInputs(root, inputs);
            for (ShuffleExchangeExec input : inputs) {
                lastReader.merge(input.shuffleId(), stage, Math::max);
            }
        }
        return lastReader;
    }

    /** The exchanges a stage rooted at {@code node} reads: the nearest ones below it. */
    private static void collectStageInputs(PhysicalPlan node, List<ShuffleExchangeExec> out) {
        if (node instanceof ShuffleExchangeExec exchange) {
            out.add(exchange);
            return;
        }
        for (PhysicalPlan child : node.children()) {
            collectStageInputs(child, out);
        }
    }

    private void runMapStage(ShuffleExchangeExec exchange, ShuffleStore shuffles) {
        int stageId = stageIds.incrementAndGet();
        int mapPartitions = exchange.child().partitionCount();
        shuffles.register(exchange.shuffleId(), mapPartitions);
        List<Future<Void>> tasks = new ArrayList<>();
        for (int partition = 0; partition < mapPartitions; partition++) {
            int p = partition;
            tasks.add(taskThreads.submit(() -> {
                shuffles.publish(exchange.shuffleId(), p, exchange.writeMapOutput(new TaskContext(stageId, p, shuffles), p));
                return null;
            }));
        }
        awaitAll(tasks, stageId);
    }

    private static <T> List<T> awaitAll(List<Future<T>> tasks, int stageId) {
        List<T> results = new ArrayList<>(tasks.size());
        try {
            for (int i = 0; i < tasks.size(); i++) {
                try {
                    results.add(tasks.get(i).get());
                } catch (ExecutionException e) {
                    tasks.forEach(t -> t.cancel(true));
                    Throwable cause = e.getCause();
                    if (cause instanceof EmberException ember) {
                        throw ember;
                    }
                    throw EmberException.of(ErrorClass.TASK_FAILED, "task", i + " of stage " + stageId, "detail", String.valueOf(cause))
                            .withCause(cause);
                }
            }
        } catch (InterruptedException e) {
            tasks.forEach(t -> t.cancel(true));
            Thread.currentThread().interrupt();
            throw EmberException.of(ErrorClass.TASK_FAILED, "task", "of stage " + stageId, "detail", "interrupted");
        }
        return results;
    }
}
