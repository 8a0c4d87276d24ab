package dev.ember.planner;

import dev.ember.exec.AdaptiveSparkPlanExec;
import dev.ember.exec.HashJoinExec;
import dev.ember.exec.PhysicalPlan;
import dev.ember.exec.ProjectExec;
import dev.ember.exec.ShuffleExchangeExec;
import dev.ember.exec.ShuffleReadExec;
import dev.ember.exec.ShuffleReadExec.Spec;
import dev.ember.plan.logical.JoinType;
import dev.ember.scheduler.DagScheduler;
import dev.ember.scheduler.MapOutputStatistics;
import dev.ember.vector.Batch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a query plan one stage boundary at a time and re-plans above each finished stage from its
 * real statistics (Spark's adaptive query execution): the exchanges whose inputs are all computed
 * run as map stages of their own ({@link DagScheduler#materialize}); then a shuffled join with a
 * side that turned out small becomes a broadcast join (the finished output is read, not computed
 * again; the build side runs first, so that when it is small the other side is not shuffled at
 * all), skewed partitions of a join are split into ranges of map outputs, and small adjacent
 * partitions are coalesced (both sides of a join alike). The result stage runs last.
 */
public final class AdaptiveExecution {
    private final DagScheduler scheduler;
    private final AdaptiveSettings settings;
    private final Map<Integer, MapOutputStatistics> finished = new HashMap<>();

    public AdaptiveExecution(DagScheduler scheduler, AdaptiveSettings settings) {
        this.scheduler = scheduler;
        this.settings = settings;
    }

    /** The batches of each result partition, and the plan as it was finally run. */
    public record Result(List<List<Batch>> partitions, PhysicalPlan finalPlan) {
    }

    public Result run(PhysicalPlan plan) {
        return run(plan, last -> new Result(scheduler.run(last), new AdaptiveSparkPlanExec(last, true)));
    }

    /** Runs the map stages as {@link #run(PhysicalPlan)} does, then the result stage as {@code resultStage} runs the final plan. */
    public <T> T run(PhysicalPlan plan, Function<PhysicalPlan, T> resultStage) {
        PhysicalPlan current = plan;
        try {
            while (true) {
                current = reoptimize(current, false);
                List<ShuffleExchangeExec> ready = new ArrayList<>();
                collectReady(current, ready);
                if (ready.isEmpty()) {
                    break;
                }
                for (ShuffleExchangeExec stage : ready) {
                    finished.put(stage.shuffleId(), scheduler.materialize(stage));
                }
            }
            return resultStage.apply(current);
        } finally {
            finished.keySet().forEach(scheduler.shuffles()::remove);
        }
    }

    private boolean isFinished(PhysicalPlan node) {
        return node instanceof ShuffleExchangeExec exchange && finished.containsKey(exchange.shuffleId());
    }

    /** The exchanges not run yet whose inputs are all computed. */
    private void collectReady(PhysicalPlan node, List<ShuffleExchangeExec> ready) {
        if (isFinished(node)) {
            return;
        }
        int before = ready.size();
        if (buildSideFirst(node)) {
            // The probe side's exchange waits: if the build side turns out small, the probe side is not shuffled at all.
            collectReady(((ShuffleExchangeExec) node.children().get(0)).child(), ready);
            collectReady(node.children().get(1), ready);
            return;
        }
        for (PhysicalPlan child : node.children()) {
            collectReady(child, ready);
        }
        if (node instanceof ShuffleExchangeExec exchange && ready.size() == before && !pendingBelow(exchange.child())) {
            ready.add(exchange);
        }
    }

    /**
     * Whether {@code node} is a shuffled join whose sides are both still to run, and whose right
     * side could be broadcast if it turned out small: that side runs first.
     */
    private boolean buildSideFirst(PhysicalPlan node) {
        return skippableProbeSide(node) != null && node.children().get(1) instanceof ShuffleExchangeExec right && !isFinished(right);
    }

    /**
     * The left exchange of a shuffled join that need not run if its right side turns out small
     * enough to broadcast, else {@code null}. Not when the left side's partitions were asked for
     * (a shuffle that is not adaptive): they are kept.
     */
    private ShuffleExchangeExec skippableProbeSide(PhysicalPlan node) {
        return node instanceof HashJoinExec join && !join.broadcastRight() && settings.broadcastThreshold() >= 0
                && rightBuildable(join.joinType())
                && join.children().get(0) instanceof ShuffleExchangeExec left && !isFinished(left) && left.adaptive() ? left : null;
    }

    private boolean pendingBelow(PhysicalPlan node) {
        if (node instanceof ShuffleExchangeExec) {
            return !isFinished(node);
        }
        return node.children().stream().anyMatch(this::pendingBelow);
    }

    /**
     * The plan with every finished exchange read as its statistics suggest. {@code coPartitioned}:
     * the node is a side of a shuffled join, which is planned with its other side.
     */
    private PhysicalPlan reoptimize(PhysicalPlan node, boolean coPartitioned) {
        if (node instanceof ShuffleReadExec) {
            return node;
        }
        if (isFinished(node)) {
            return coPartitioned ? node : coalesced((ShuffleExchangeExec) node);
        }
        if (node instanceof HashJoinExec join && !join.broadcastRight()
                && join.children().stream().allMatch(this::isFinished)) {
            return shuffledJoin(join, (ShuffleExchangeExec) join.children().get(0), (ShuffleExchangeExec) join.children().get(1));
        }
        ShuffleExchangeExec probeSide = skippableProbeSide(node);
        if (probeSide != null && isFinished(node.children().get(1)) && broadcastable((ShuffleExchangeExec) node.children().get(1))) {
            // The build side ran first and is small: the probe side is read where it is, never shuffled.
            return ((HashJoinExec) node).broadcastingRight(reoptimize(probeSide.child(), false),
                    wholeOutput((ShuffleExchangeExec) node.children().get(1)));
        }
        boolean sides = node instanceof HashJoinExec join && !join.broadcastRight();
        List<PhysicalPlan> children = node.children().stream().map(child -> reoptimize(child, sides)).toList();
        return node.withNewChildren(children);
    }

    /** One finished exchange, small partitions coalesced. */
    private PhysicalPlan coalesced(ShuffleExchangeExec exchange) {
        if (!settings.coalescePartitions() || !exchange.adaptive() || exchange.partitionCount() == 1) {
            return exchange;
        }
        ShufflePartitionSpecs.Reads reads = ShufflePartitionSpecs.coalesce(List.of(finished.get(exchange.shuffleId())), settings);
        return reads.changes(exchange.partitionCount()) ? new ShuffleReadExec(exchange, reads.specs().get(0), "coalesced") : exchange;
    }

    /**
     * A shuffled join whose sides have both run: an inner join builds on the side that turned out
     * smaller; the built side is broadcast if it is small, else skew is split and partitions coalesced.
     */
    private PhysicalPlan shuffledJoin(HashJoinExec join, ShuffleExchangeExec left, ShuffleExchangeExec right) {
        MapOutputStatistics leftStats = finished.get(left.shuffleId());
        MapOutputStatistics rightStats = finished.get(right.shuffleId());
        JoinType type = join.joinType();
        if (buildsOnLeft(type, right) && leftStats.totalBytes() < rightStats.totalBytes()) {
            // The smaller side turned out to be the left one: the same join with its sides swapped, then the columns put back in order.
            return new ProjectExec(new ArrayList<>(join.output()), shuffledJoin(join.swapped(), right, left));
        }
        if (rightBuildable(type) && broadcastable(right)) {
            // Every task reads the whole finished right side; the left side keeps its partitions, coalesced on their own.
            return join.broadcastingRight(coalesced(left), wholeOutput(right));
        }
        if (!left.adaptive() || !right.adaptive()) {
            return join;
        }
        boolean[] splittable = settings.skewJoin()
                ? new boolean[] {canSplitLeft(type), type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.RIGHT_OUTER}
                : new boolean[2];
        if (!settings.coalescePartitions() && !splittable[0] && !splittable[1]) {
            return join;
        }
        ShufflePartitionSpecs.Reads reads = ShufflePartitionSpecs.plan(List.of(leftStats, rightStats), splittable, settings);
        if (!reads.changes(left.partitionCount())) {
            return join;
        }
        String description = reads.skewed() ? "coalesced and skewed" : "coalesced";
        return join.withNewChildren(List.of(new ShuffleReadExec(left, reads.specs().get(0), description),
                new ShuffleReadExec(right, reads.specs().get(1), description)));
    }

    /**
     * Whether a join may swap its sides to build on a smaller left side: an inner join, and an outer
     * join (left becomes right outer, and the reverse) unless its right side can be broadcast as it is.
     */
    private boolean buildsOnLeft(JoinType type, ShuffleExchangeExec right) {
        return type == JoinType.INNER
                || (type == JoinType.LEFT_OUTER || type == JoinType.RIGHT_OUTER) && !(rightBuildable(type) && broadcastable(right));
    }

    private static boolean rightBuildable(JoinType type) {
        return type != JoinType.RIGHT_OUTER && type != JoinType.FULL_OUTER;
    }

    /** Whether a finished exchange is small enough to be copied to every task of a join. */
    private boolean broadcastable(ShuffleExchangeExec exchange) {
        return settings.broadcastThreshold() >= 0 && finished.get(exchange.shuffleId()).totalBytes() <= settings.broadcastThreshold();
    }

    /** A finished exchange's whole output, read by every task. */
    private static PhysicalPlan wholeOutput(ShuffleExchangeExec exchange) {
        return new ShuffleReadExec(exchange, List.of(Spec.coalesced(0, exchange.partitionCount())), "local");
    }

    /** Join types whose left rows may be joined in parts, each with the whole right partition (Spark's list). */
    private static boolean canSplitLeft(JoinType type) {
        return type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.LEFT_OUTER
                || type == JoinType.LEFT_SEMI || type == JoinType.LEFT_ANTI;
    }
}
