package dev.ember.planner;

import dev.ember.exec.AdaptiveSparkPlanExec;
import dev.ember.exec.FilterExec;
import dev.ember.exec.HashAggregateExec;
import dev.ember.exec.HashJoinExec;
import dev.ember.exec.HashPartitioning;
import dev.ember.exec.PhysicalPlan;
import dev.ember.exec.ProjectExec;
import dev.ember.exec.ShuffleExchangeExec;
import dev.ember.exec.ShuffleReadExec;
import dev.ember.exec.ShuffleReadExec.Spec;
import dev.ember.expr.Expression;
import dev.ember.plan.logical.JoinType;
import dev.ember.scheduler.DagScheduler;
import dev.ember.scheduler.MapOutputStatistics;
import dev.ember.vector.Batch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a query plan one stage boundary at a time and re-plans above each finished stage from its
 * real statistics (Spark's adaptive query execution): the exchanges whose inputs are all computed
 * run as map stages of their own ({@link DagScheduler#materialize}); then a shuffled join with a
 * side that turned out small becomes a broadcast join (the finished output is read, not computed
 * again; the build side runs first, so that when it is small the other side is not shuffled at
 * all, exchanged on its own to do so where it drops rows of the shuffles it reads; a semi or anti join's side whose rows only mark the other side's shuffles only the rows
 * with the other side's keys when those turn out few), skewed partitions of a join are split into
 * ranges of map outputs, and small adjacent partitions are coalesced (both sides of a join alike;
 * all the shuffles a stage reads through a chain of joins on the same keys alike, unsplit). Where
 * an operator above relies on a join's partitioning (an aggregation by its keys), the join is
 * neither split nor left unshuffled, except that a complete aggregation above a join that turns out
 * broadcastable is split into partial, exchange and final instead. The result stage runs last.
 */
public final class AdaptiveExecution {
    /** A hash table's memory per row beyond the row's own bytes: its share of the slots (half empty), key places, rows by key. */
    private static final long TABLE_BYTES_PER_ROW = 48;

    private final DagScheduler scheduler;
    private final AdaptiveSettings settings;
    /** The session's shuffle ids, for the exchanges re-planning adds. */
    private final AtomicInteger shuffleIds;
    /** The exchanges of the plan by shuffle id (not those only below a reused one), those re-planning added too. */
    private final Map<Integer, ShuffleExchangeExec> exchanges = new HashMap<>();
    private final Map<Integer, MapOutputStatistics> finished = new HashMap<>();
    /** The shuffles more than one stage reads (a reused exchange's, a key filter's build side): kept until the run ends. */
    private final Set<Integer> readTwice = new HashSet<>();
    /** The shuffles whose input a join's finished build side filters by its keys. */
    private final Set<Integer> keyFiltered = new HashSet<>();

    public AdaptiveExecution(DagScheduler scheduler, AdaptiveSettings settings, AtomicInteger shuffleIds) {
        this.scheduler = scheduler;
        this.settings = settings;
        this.shuffleIds = shuffleIds;
    }

    /** The batches of each result partition, and the plan as it was finally run. */
    public record Result(List<List<Batch>> partitions, PhysicalPlan finalPlan) {
    }

    public Result run(PhysicalPlan plan) {
        return run(plan, last -> new Result(scheduler.run(last), new AdaptiveSparkPlanExec(last, true)));
    }

    /** Runs the map stages as {@link #run(PhysicalPlan)} does, then the result stage as {@code resultStage} runs the final plan. */
    public <T> T run(PhysicalPlan plan, Function<PhysicalPlan, T> resultStage) {
        PhysicalPlan current = withBuildSidesExchanged(plan, Need.NONE);
        collectExchanges(current, exchanges, readTwice);
        try {
            // Outputs an earlier plan of the query computed (exchange reuse) are finished already.
            exchanges.values().stream().filter(e -> scheduler.shuffles().missing(e.shuffleId(), e.mapPartitions()).isEmpty())
                    .forEach(e -> finished.put(e.shuffleId(), scheduler.shuffles().statistics(e.shuffleId())));
            while (true) {
                current = reoptimize(current, Need.NONE);
                List<ShuffleExchangeExec> ready = new ArrayList<>();
                collectReady(current, Need.NONE, ready);
                if (ready.isEmpty()) {
                    break;
                }
                Map<Integer, ShuffleExchangeExec> stages = new LinkedHashMap<>();
                ready.stream().filter(stage -> !finished.containsKey(stage.shuffleId())).forEach(stage -> stages.putIfAbsent(stage.shuffleId(), stage));
                // Together: a stage of few or uneven tasks leaves task threads to the others. A shuffle two
                // exchanges read (one reusing the other's) outlives the first stage that reads it.
                finished.putAll(scheduler.materializeTogether(List.copyOf(stages.values()), readTwice));
            }
            return resultStage.apply(current);
        } finally {
            finished.keySet().stream().filter(id -> exchanges.containsKey(id) && !exchanges.get(id).outlivesJob())
                    .forEach(scheduler.shuffles()::remove);
        }
    }

    /**
     * {@code node} with the right side of each shuffled join that could be broadcast exchanged by the
     * join's keys where it is not an exchange but reads shuffles partition by partition and drops rows
     * of them by conditions of unknown selectivity (TPC-H Q18's orders semi-joined with the few keys of
     * its IN subquery): it then runs as a stage of its own first, and when it turns out small is
     * broadcast, the left side read where it is and filtered by its keys, not shuffled.
     */
    private PhysicalPlan withBuildSidesExchanged(PhysicalPlan node, Need need) {
        if (node instanceof ShuffleExchangeExec exchange && exchange.reused()) {
            return node;
        }
        ShuffleExchangeExec left = leavesUnshuffled(need) ? skippableProbeSide(node) : null;
        PhysicalPlan right = left != null ? node.children().get(1) : null;
        if (right != null && !(right instanceof ShuffleExchangeExec) && dropsRowsInStage(right)) {
            List<Expression> keys = ((HashJoinExec) node).rightKeys();
            node = node.withNewChildren(List.of(left, new ShuffleExchangeExec(shuffleIds.incrementAndGet(), keys, left.partitionCount(), true, right)));
        }
        List<PhysicalPlan> children = new ArrayList<>();
        for (int c = 0; c < node.children().size(); c++) {
            children.add(withBuildSidesExchanged(node.children().get(c), childNeed(node, c, need)));
        }
        return node.withNewChildren(children);
    }

    /** Whether a filter or a semi or anti join drops rows in {@code node}'s stage (not below its exchanges). */
    private static boolean dropsRowsInStage(PhysicalPlan node) {
        return node instanceof FilterExec || node instanceof HashJoinExec join && join.joinType().semiOrAnti()
                || !(node instanceof ShuffleExchangeExec) && node.children().stream().anyMatch(AdaptiveExecution::dropsRowsInStage);
    }

    /** The exchanges of {@code node} by shuffle id (not those only below a reused one), and the ids more than one of them reads. */
    private static void collectExchanges(PhysicalPlan node, Map<Integer, ShuffleExchangeExec> exchanges, Set<Integer> readTwice) {
        if (node instanceof ShuffleExchangeExec exchange && exchanges.putIfAbsent(exchange.shuffleId(), exchange) != null) {
            readTwice.add(exchange.shuffleId());
        }
        node.shownChildren().forEach(child -> collectExchanges(child, exchanges, readTwice));
    }

    /** What the operators above a node, in its stage, need of the partitions of its rows. */
    private enum Need {
        /** Nothing: a join may read its sides' partitions split by skew, or its left side unshuffled. */
        NONE,
        /** Equal keys in one partition: an aggregation or a join above relies on how the exchanges below hashed the rows. */
        CLUSTERED,
        /**
         * As {@code CLUSTERED}, for a complete aggregation, which is split into partial, exchange and
         * final when a join below turns out broadcastable: that join's left side is then left unshuffled.
         */
        CLUSTERED_OR_SPLIT,
        /** Read partition by partition together with other shuffles by a join above, which plans all those reads at once. */
        ZIPPED
    }

    /** What the children of {@code node} need when {@code node} needs {@code need}. */
    private static Need childNeed(PhysicalPlan node, int child, Need need) {
        if (node instanceof ShuffleExchangeExec) {
            return Need.NONE;
        }
        if (node instanceof HashJoinExec join) {
            return !join.broadcastRight() ? Need.ZIPPED : child == 0 ? need : Need.NONE;
        }
        if (node instanceof HashAggregateExec aggregate && aggregate.mode() != HashAggregateExec.Mode.PARTIAL) {
            return need == Need.ZIPPED ? need : aggregate.mode() == HashAggregateExec.Mode.COMPLETE ? Need.CLUSTERED_OR_SPLIT : Need.CLUSTERED;
        }
        return need;
    }

    /**
     * The shuffles a shuffled join reads partition by partition: its sides' exchanges, or when a side
     * was already hashed by the keys, the exchanges that side's joins and aggregations read so.
     */
    private static void zippedReads(PhysicalPlan node, List<PhysicalPlan> reads) {
        if (node instanceof ShuffleExchangeExec || node instanceof ShuffleReadExec || node.children().isEmpty()) {
            // A leaf here (never planned so) would keep its partitions: it is not finished, so nothing is read differently.
            reads.add(node);
            return;
        }
        for (int c = 0; c < node.children().size(); c++) {
            if (childNeed(node, c, Need.ZIPPED) == Need.ZIPPED) {
                zippedReads(node.children().get(c), reads);
            }
        }
    }

    private boolean isFinished(PhysicalPlan node) {
        return node instanceof ShuffleExchangeExec exchange && finished.containsKey(exchange.shuffleId());
    }

    /** The exchanges not run yet whose inputs are all computed. */
    private void collectReady(PhysicalPlan node, Need need, List<ShuffleExchangeExec> ready) {
        if (isFinished(node) || node instanceof ShuffleExchangeExec exchange && exchange.reused()) {
            // A reused exchange's output is the one of an equal exchange, which runs where that one stands.
            return;
        }
        int before = ready.size();
        if (buildSideFirst(node, need)) {
            // The probe side's exchange waits: if the build side turns out small, the probe side is not shuffled at all.
            collectReady(((ShuffleExchangeExec) node.children().get(0)).child(), Need.NONE, ready);
            collectReady(node.children().get(1), childNeed(node, 1, need), ready);
            return;
        }
        ShuffleExchangeExec filterable = pendingKeySource(node) != null ? filterableSide(node) : null;
        if (filterable != null) {
            // The filterable side's exchange waits for the other side's keys: if they turn out few, it shuffles only its rows with those keys.
            int other = node.children().get(0) == filterable ? 1 : 0;
            collectReady(filterable.child(), Need.NONE, ready);
            collectReady(node.children().get(other), childNeed(node, other, need), ready);
            return;
        }
        for (int c = 0; c < node.children().size(); c++) {
            collectReady(node.children().get(c), childNeed(node, c, need), ready);
        }
        if (node instanceof ShuffleExchangeExec exchange && ready.size() == before && !pendingBelow(exchange.child())) {
            ready.add(exchange);
        }
    }

    /**
     * Whether {@code node} is a shuffled join whose sides are both still to run, and whose right
     * side could be broadcast if it turned out small (nothing above relying on the join's partitions): that side runs first.
     */
    private boolean buildSideFirst(PhysicalPlan node, Need need) {
        return leavesUnshuffled(need) && skippableProbeSide(node) != null
                && node.children().get(1) instanceof ShuffleExchangeExec right && !isFinished(right);
    }

    /**
     * The exchange, not run yet, of a shuffled semi or anti join's side whose rows only mark the
     * other side's (the right side of a left one, the left side of a right one), else {@code null}:
     * once the exchange holding the other side's keys turns out small, the rows whose keys it lacks
     * are dropped before they are shuffled. Not when another exchange reads the same shuffle, nor
     * when the side's partitions were asked for. (Outer joins too could be filtered so, but their
     * preserved side is rarely selective: TPC-H Q13 keeps every customer.)
     */
    private ShuffleExchangeExec filterableSide(PhysicalPlan node) {
        int side = node instanceof HashJoinExec join && !join.broadcastRight() && join.joinType().semiOrAnti()
                ? droppedUnmatched(join.joinType()) : -1;
        return side >= 0 && settings.broadcastThreshold() >= 0 && node.children().get(side) instanceof ShuffleExchangeExec exchange
                && !isFinished(exchange) && exchange.adaptive() && !exchange.reused() && !exchange.outlivesJob()
                && !readTwice.contains(exchange.shuffleId()) && !keyFiltered.contains(exchange.shuffleId()) ? exchange : null;
    }

    /** The side of a join whose rows without a match it drops while it keeps the other side's, else -1. */
    private static int droppedUnmatched(JoinType type) {
        return switch (type) {
            case LEFT_SEMI, LEFT_ANTI, LEFT_OUTER -> 1;
            case RIGHT_SEMI, RIGHT_ANTI, RIGHT_OUTER -> 0;
            default -> -1;
        };
    }

    /**
     * The exchange whose rows' keys include those of every row of a shuffled join's side (the side
     * itself, or through joins on the same keys, the exchange of the side whose rows they keep), else {@code null}.
     */
    private static ShuffleExchangeExec keySource(PhysicalPlan side) {
        if (side instanceof ShuffleExchangeExec exchange) {
            return exchange;
        }
        int dropped = side instanceof HashJoinExec join && !join.broadcastRight() ? droppedUnmatched(join.joinType()) : -1;
        return dropped >= 0 ? keySource(side.children().get(1 - dropped)) : null;
    }

    /** The exchange holding the keys that would filter the side {@link #filterableSide} finds, not run yet, else {@code null}. */
    private ShuffleExchangeExec pendingKeySource(PhysicalPlan node) {
        ShuffleExchangeExec filterable = filterableSide(node);
        if (filterable == null) {
            return null;
        }
        ShuffleExchangeExec source = keySource(node.children().get(node.children().get(0) == filterable ? 1 : 0));
        return source != null && !isFinished(source) && !source.reused() ? source : null;
    }

    /**
     * The left exchange of a shuffled join that need not run if its right side turns out small
     * enough to broadcast, else {@code null}. Not when the left side's partitions were asked for
     * (a shuffle that is not adaptive): they are kept.
     */
    private ShuffleExchangeExec skippableProbeSide(PhysicalPlan node) {
        return node instanceof HashJoinExec join && !join.broadcastRight() && settings.broadcastThreshold() >= 0
                && rightBuildable(join.joinType())
                && join.children().get(0) instanceof ShuffleExchangeExec left && !isFinished(left) && left.adaptive() && !left.reused() ? left : null;
    }

    private boolean pendingBelow(PhysicalPlan node) {
        if (node instanceof ShuffleExchangeExec) {
            return !isFinished(node);
        }
        return node.children().stream().anyMatch(this::pendingBelow);
    }

    /**
     * The plan with every finished exchange read as its statistics suggest. The shuffles a shuffled
     * join reads partition by partition are planned by the topmost such join of the stage, together.
     */
    private PhysicalPlan reoptimize(PhysicalPlan node, Need need) {
        if (node instanceof ShuffleReadExec) {
            return node;
        }
        if (isFinished(node)) {
            return need == Need.ZIPPED ? node : coalesced((ShuffleExchangeExec) node);
        }
        if (node instanceof HashJoinExec join && !join.broadcastRight() && need != Need.ZIPPED) {
            List<PhysicalPlan> reads = new ArrayList<>();
            zippedReads(join, reads);
            if (reads.stream().allMatch(this::isFinished)) {
                if (reads.equals(join.children())) {
                    return shuffledJoin(join, (ShuffleExchangeExec) reads.get(0), (ShuffleExchangeExec) reads.get(1), need);
                }
                node = coalescedTogether(join, reads.stream().map(ShuffleExchangeExec.class::cast).toList());
            }
        }
        if (node instanceof HashJoinExec join && !join.broadcastRight() && need == Need.ZIPPED) {
            node = zippedJoin(join);
        }
        ShuffleExchangeExec filterable = filterableSide(node);
        if (filterable != null) {
            int filtered = node.children().get(0) == filterable ? 0 : 1;
            ShuffleExchangeExec keys = keySource(node.children().get(1 - filtered));
            if (keys != null && isFinished(keys) && broadcastable(keys)) {
                // The other side's keys turned out few: the exchange takes only the rows that have one (reading the
                // keys' output as a reused exchange, kept until the run ends).
                keyFiltered.add(filterable.shuffleId());
                readTwice.add(keys.shuffleId());
                HashJoinExec join = (HashJoinExec) node;
                PhysicalPlan rows = KeyFilters.filtered(filterable.child(), filterable.keys(),
                        probeKeys -> join.keyFilter(probeKeys, wholeOutput(keys.reading(keys)), keys.keys()));
                List<PhysicalPlan> children = new ArrayList<>(node.children());
                children.set(filtered, filterable.withNewChildren(List.of(rows)));
                node = node.withNewChildren(children);
            }
        }
        ShuffleExchangeExec probeSide = leavesUnshuffled(need) ? skippableProbeSide(node) : null;
        if (probeSide != null && isFinished(node.children().get(1)) && broadcastable((ShuffleExchangeExec) node.children().get(1))) {
            // The build side ran first and is small: the probe side is read where it is, never shuffled.
            // Where it reads a file scan, the scan keeps the rows the build side's keys match.
            return KeyFilters.probeFiltered(((HashJoinExec) node).broadcastingRight(reoptimize(probeSide.child(), Need.NONE),
                    wholeOutput((ShuffleExchangeExec) node.children().get(1))));
        }
        List<PhysicalPlan> children = new ArrayList<>();
        for (int c = 0; c < node.children().size(); c++) {
            children.add(reoptimize(node.children().get(c), childNeed(node, c, need)));
        }
        PhysicalPlan replanned = node.withNewChildren(children);
        if (replanned instanceof HashAggregateExec aggregate && aggregate.mode() == HashAggregateExec.Mode.COMPLETE && !aggregate.inputClustered()) {
            // A join below became a broadcast join, its rows no longer hashed by the keys: they are exchanged after a partial aggregation.
            int partitions = ((HashAggregateExec) node).child().hashPartitionings().stream().mapToInt(HashPartitioning::partitions).max().orElseThrow();
            HashAggregateExec split = aggregate.inTwoPhases(shuffleIds.incrementAndGet(), partitions);
            ShuffleExchangeExec exchange = (ShuffleExchangeExec) split.child();
            exchanges.put(exchange.shuffleId(), exchange);
            return split;
        }
        return replanned;
    }

    /** Whether the operators above, needing {@code need}, let a join's left side be read unshuffled when its right side can be broadcast. */
    private static boolean leavesUnshuffled(Need need) {
        return need == Need.NONE || need == Need.CLUSTERED_OR_SPLIT;
    }

    /**
     * A join reading more shuffles than its two sides partition by partition (a chain of joins on
     * the same keys, a join of an aggregation on its keys): all of them coalesced alike, as Spark
     * coalesces all shuffles of a stage; not split by skew, which Spark does only for a plain join.
     */
    private PhysicalPlan coalescedTogether(HashJoinExec join, List<ShuffleExchangeExec> exchanges) {
        if (!settings.coalescePartitions() || exchanges.stream().anyMatch(e -> !e.adaptive()) || join.partitionCount() == 1) {
            return join;
        }
        ShufflePartitionSpecs.Reads reads = ShufflePartitionSpecs.coalesce(
                exchanges.stream().map(e -> finished.get(e.shuffleId())).toList(), settings);
        if (!reads.changes(join.partitionCount())) {
            return join;
        }
        Map<Integer, List<Spec>> specs = new HashMap<>();
        for (int e = 0; e < exchanges.size(); e++) {
            specs.put(exchanges.get(e).shuffleId(), reads.specs().get(e));
        }
        return readAs(join, specs);
    }

    /** {@code node} with the exchanges in {@code specs} (not below other exchanges) read so. */
    private static PhysicalPlan readAs(PhysicalPlan node, Map<Integer, List<Spec>> specs) {
        if (node instanceof ShuffleExchangeExec exchange) {
            List<Spec> read = specs.get(exchange.shuffleId());
            return read == null ? exchange : new ShuffleReadExec(exchange, read, "coalesced");
        }
        if (node instanceof ShuffleReadExec) {
            return node;
        }
        return node.withNewChildren(node.children().stream().map(child -> readAs(child, specs)).toList());
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
     * A shuffled join whose sides have both run: an inner join builds on the side whose hash table
     * turned out smaller ({@link #tableBytes}), so do outer, semi and anti joins unless their right
     * side can be broadcast; the built
     * side is broadcast if it is small, else skew is split and partitions coalesced.
     */
    private PhysicalPlan shuffledJoin(HashJoinExec join, ShuffleExchangeExec left, ShuffleExchangeExec right, Need need) {
        MapOutputStatistics leftStats = finished.get(left.shuffleId());
        MapOutputStatistics rightStats = finished.get(right.shuffleId());
        JoinType type = join.joinType();
        if (buildsOnLeft(type, right) && tableBytes(leftStats) < tableBytes(rightStats)) {
            // The smaller side turned out to be the left one: the same join with its sides swapped, then the columns put back in order.
            HashJoinExec swapped = join.swapped();
            PhysicalPlan planned = shuffledJoin(swapped, right, left, need);
            return swapped.output().equals(join.output()) ? planned : new ProjectExec(new ArrayList<>(join.output()), planned);
        }
        if (rightBuildable(type) && broadcastable(right)) {
            // Every task reads the whole finished right side; the left side keeps its partitions, coalesced on their own.
            return join.broadcastingRight(coalesced(left), wholeOutput(right));
        }
        if (!left.adaptive() || !right.adaptive()) {
            return join;
        }
        // A split partition's keys end in several partitions, which an operator above relying on them must not see.
        boolean[] splittable = settings.skewJoin() && need == Need.NONE
                ? new boolean[] {canSplitLeft(type), canSplitRight(type)}
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
     * A join read partition by partition together with other shuffles by a join above (q21's semi
     * join below its anti join on the same keys): a semi or anti join whose sides are both finished
     * shuffles builds on the side that turned out smaller, as {@link #shuffledJoin} decides; its rows
     * stay in the partitions of their keys, which is all the join above relies on.
     */
    private HashJoinExec zippedJoin(HashJoinExec join) {
        long leftBytes = finishedBytes(join.children().get(0));
        long rightBytes = finishedBytes(join.children().get(1));
        return join.joinType().semiOrAnti() && leftBytes >= 0 && rightBytes >= 0 && leftBytes < rightBytes ? join.swapped() : join;
    }

    /** The {@link #tableBytes} of a finished exchange, read as it is or through an {@link ShuffleReadExec}; -1 for any other node. */
    private long finishedBytes(PhysicalPlan side) {
        PhysicalPlan exchange = side instanceof ShuffleReadExec read ? read.exchange() : side;
        return isFinished(exchange) ? tableBytes(finished.get(((ShuffleExchangeExec) exchange).shuffleId())) : -1;
    }

    /**
     * About the memory a hash table of a finished shuffle's rows takes: the rows and, per row, the
     * table's slots and key places ({@link #TABLE_BYTES_PER_ROW}). Counting rows, not only bytes,
     * builds on a side of fewer wide rows rather than one of many narrow ones (TPC-H Q9's 319k
     * lineitems of green parts, 29 MB, rather than all 1.5M orders, 17 MB), which takes less
     * memory and less time: a row costs more to insert than to probe.
     */
    private static long tableBytes(MapOutputStatistics statistics) {
        return statistics.totalBytes() + TABLE_BYTES_PER_ROW * statistics.totalRows();
    }

    /**
     * Whether a join may swap its sides to build on a smaller left side: an inner join, and an outer,
     * semi or anti join (left becomes right, and the reverse) unless its right side can be broadcast as it is.
     */
    private boolean buildsOnLeft(JoinType type, ShuffleExchangeExec right) {
        boolean mirrors = type == JoinType.LEFT_OUTER || type == JoinType.RIGHT_OUTER || type.semiOrAnti();
        return type == JoinType.INNER || mirrors && !(rightBuildable(type) && broadcastable(right));
    }

    /** Join types that can be built on their right side alone in each task, as a broadcast join does: not those that output right rows by what matched them. */
    private static boolean rightBuildable(JoinType type) {
        return type != JoinType.RIGHT_OUTER && type != JoinType.FULL_OUTER && type != JoinType.RIGHT_SEMI && type != JoinType.RIGHT_ANTI;
    }

    /** Whether a finished exchange is small enough to be copied to every task of a join. */
    private boolean broadcastable(ShuffleExchangeExec exchange) {
        return settings.broadcastThreshold() >= 0 && finished.get(exchange.shuffleId()).totalBytes() <= settings.broadcastThreshold();
    }

    /** A finished exchange's whole output, read by every task. */
    private static ShuffleReadExec wholeOutput(ShuffleExchangeExec exchange) {
        return new ShuffleReadExec(exchange, List.of(Spec.coalesced(0, exchange.partitionCount())), "local");
    }

    /** Join types whose right rows may be joined in parts, each with the whole left partition. */
    private static boolean canSplitRight(JoinType type) {
        return type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.RIGHT_OUTER
                || type == JoinType.RIGHT_SEMI || type == JoinType.RIGHT_ANTI;
    }

    /** Join types whose left rows may be joined in parts, each with the whole right partition (Spark's list). */
    private static boolean canSplitLeft(JoinType type) {
        return type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.LEFT_OUTER
                || type == JoinType.LEFT_SEMI || type == JoinType.LEFT_ANTI;
    }
}
