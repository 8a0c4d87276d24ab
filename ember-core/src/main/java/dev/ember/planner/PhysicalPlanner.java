package dev.ember.planner;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.exec.CoalesceExec;
import dev.ember.exec.DeduplicateExec;
import dev.ember.exec.FileScanExec;
import dev.ember.fs.FileEntry;
import dev.ember.exec.FilterExec;
import dev.ember.exec.GenerateExec;
import dev.ember.exec.ExpandExec;
import dev.ember.exec.HashAggregateExec;
import dev.ember.exec.HashJoinExec;
import dev.ember.exec.HashPartitioning;
import dev.ember.exec.JoinKeys;
import dev.ember.exec.InMemoryTableScanExec;
import dev.ember.exec.LimitExec;
import dev.ember.exec.LocalTableScanExec;
import dev.ember.exec.RddScanExec;
import dev.ember.exec.PhysicalPlan;
import dev.ember.exec.ProjectExec;
import dev.ember.exec.SampleExec;
import dev.ember.exec.RangeExec;
import dev.ember.exec.ShuffleExchangeExec;
import dev.ember.exec.SortExec;
import dev.ember.exec.UnionExec;
import dev.ember.exec.WindowExec;
import dev.ember.expr.Alias;
import dev.ember.expr.And;
import dev.ember.expr.Arithmetic;
import dev.ember.expr.CaseWhen;
import dev.ember.expr.Cast;
import dev.ember.expr.Literal;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.Comparison;
import dev.ember.expr.Expression;
import dev.ember.expr.Conjuncts;
import dev.ember.expr.ExprId;
import dev.ember.expr.NamedExpression;
import dev.ember.expr.ScalarSubquery;
import dev.ember.expr.SortOrder;
import dev.ember.expr.SubqueryExpression;
import dev.ember.expr.aggregate.AggregateFunction;
import dev.ember.expr.aggregate.Count;
import dev.ember.expr.aggregate.Rebound;
import dev.ember.expr.function.ArrayRepeat;
import dev.ember.expr.function.Explode;
import dev.ember.analysis.Expressions;
import dev.ember.optimizer.Predicates;
import dev.ember.plan.logical.Aggregate;
import dev.ember.plan.logical.Expand;
import dev.ember.plan.logical.CachedRelation;
import dev.ember.plan.logical.Deduplicate;
import dev.ember.plan.logical.Distinct;
import dev.ember.plan.logical.Repartition;
import dev.ember.plan.logical.Sample;
import dev.ember.plan.logical.FileRelation;
import dev.ember.plan.logical.Filter;
import dev.ember.plan.logical.Generate;
import dev.ember.plan.logical.Join;
import dev.ember.plan.logical.JoinType;
import dev.ember.plan.logical.Limit;
import dev.ember.plan.logical.LocalRelation;
import dev.ember.plan.logical.RddRelation;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Project;
import dev.ember.plan.logical.Range;
import dev.ember.plan.logical.SetOperation;
import dev.ember.plan.logical.Sort;
import dev.ember.plan.logical.SubqueryAlias;
import dev.ember.plan.logical.Union;
import dev.ember.plan.logical.Window;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.source.FileFormat;
import dev.ember.source.FileFormats;
import dev.ember.source.FileSplit;
import dev.ember.source.ReadOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Turns a resolved logical plan into a physical one, inserting exchanges where rows must meet:
 * aggregation (partial, exchange by key, final), equi-joins (both sides by key), global sorts and
 * limits (into one partition), joins without keys (the right side to every task). A join side or
 * an aggregation input whose rows are already hashed by the keys ({@link PhysicalPlan#hashPartitionings})
 * is not exchanged again.
 */
public final class PhysicalPlanner {
    private static final long MIN_SPLIT_BYTES = 4L << 20;
    private static final long MAX_SPLIT_BYTES = 128L << 20;

    private final int parallelism;
    private final AdaptiveSettings partitioning;
    private final AtomicInteger shuffleIds;
    private final long broadcastThreshold;
    /** The session's filesystem settings, which scans carry to their tasks. */
    private final Map<String, String> fileSystemSettings;

    /**
     * @param partitioning how many partitions shuffles get (from their estimated size, or the user's count)
     * @param broadcastThreshold the largest estimated size of a join side copied to every task, -1 for none
     */
    public PhysicalPlanner(AdaptiveSettings partitioning, AtomicInteger shuffleIds, long broadcastThreshold, Map<String, String> fileSystemSettings) {
        this.parallelism = partitioning.parallelism();
        this.partitioning = partitioning;
        this.fileSystemSettings = Map.copyOf(fileSystemSettings);
        this.shuffleIds = shuffleIds;
        this.broadcastThreshold = broadcastThreshold;
    }

    public PhysicalPlan plan(LogicalPlan plan) {
        if (plan.anyExpression(e -> e instanceof SubqueryExpression && !(e instanceof ScalarSubquery))) {
            throw EmberException.internal("the optimizer left a subquery predicate in " + plan.nodeString(), null);
        }
        if (plan instanceof SubqueryAlias alias) {
            return plan(alias.child());
        }
        if (plan instanceof Project project && unaliased(project.child()) instanceof Project inner && inner.projectList().stream().allMatch(PhysicalPlanner::column)
                && project.projectList().stream().allMatch(item -> item instanceof AttributeReference || item instanceof Alias)) {
            // A projection over one that only picks and renames columns (a subquery's output named anew): one projection.
            return plan(new Project(composed(project.projectList(), inner.projectList()), inner.child()));
        }
        if (plan instanceof Project project && unaliased(project.child()) instanceof Filter filter) {
            PhysicalPlan scan = filteredScan(filter, project.projectList());
            if (scan != null) {
                return new ProjectExec(project.projectList(), scan);
            }
            // The filter copies, for the rows it keeps, only the columns the projection reads.
            PhysicalPlan input = plan(filter.child());
            Set<ExprId> read = project.projectList().stream().flatMap(e -> e.collect(AttributeReference.class).stream())
                    .map(AttributeReference::exprId).collect(Collectors.toSet());
            List<AttributeReference> kept = input.output().stream().filter(column -> read.contains(column.exprId())).toList();
            return new ProjectExec(project.projectList(), new FilterExec(runCondition(filter), input, kept));
        }
        if (plan instanceof Project project) {
            return new ProjectExec(project.projectList(), plan(project.child()));
        }
        if (plan instanceof Filter filter) {
            PhysicalPlan scan = filteredScan(filter, filter.output());
            return scan != null ? scan : new FilterExec(runCondition(filter), plan(filter.child()));
        }
        if (plan instanceof LocalRelation local) {
            return new LocalTableScanExec(local.output(), local.rows(), parallelism);
        }
        if (plan instanceof RddRelation rdd) {
            return new RddScanExec(rdd.output(), rdd.rdd(), rdd.toValues());
        }
        if (plan instanceof Range range) {
            int partitions = range.numPartitions() > 0 ? range.numPartitions() : parallelism;
            return new RangeExec(range.start(), range.step(), range.count(), partitions, range.output().get(0));
        }
        if (plan instanceof FileRelation relation) {
            return scan(relation);
        }
        if (plan instanceof Aggregate aggregate) {
            return aggregate(aggregate);
        }
        if (plan instanceof Distinct distinct) {
            List<Expression> columns = new ArrayList<>(distinct.child().output());
            return aggregate(new Aggregate(columns, columns, distinct.child()));
        }
        if (plan instanceof Join join) {
            return join(join);
        }
        if (plan instanceof Sort sort) {
            PhysicalPlan child = plan(sort.child());
            if (sort.global()) {
                child = exchange(List.of(), 1, child);
            }
            return new SortExec(sort.order(), -1, child);
        }
        if (plan instanceof Limit limit) {
            return limit(limit);
        }
        if (plan instanceof Union union) {
            return new UnionExec(union.children().stream().map(this::plan).toList(), union.output());
        }
        if (plan instanceof SetOperation setOperation) {
            return plan(rewriteSetOperation(setOperation));
        }
        if (plan instanceof Window window) {
            return window(window);
        }
        if (plan instanceof Deduplicate deduplicate) {
            // Spark's strategy for dropDuplicates: shrink each partition, exchange by the keys, keep the first of each key.
            PhysicalPlan local = new DeduplicateExec(deduplicate.keys(), true, plan(deduplicate.child()));
            int partitions = deduplicate.keys().isEmpty() ? 1 : partitionsFor(deduplicate.child());
            return new DeduplicateExec(deduplicate.keys(), false, exchange(new ArrayList<>(deduplicate.keys()), partitions, local));
        }
        if (plan instanceof Sample sample) {
            return new SampleExec(sample.lowerBound(), sample.upperBound(), sample.seed(), plan(sample.child()));
        }
        if (plan instanceof Repartition repartition) {
            PhysicalPlan child = plan(repartition.child());
            return repartition.shuffle()
                    ? new ShuffleExchangeExec(shuffleIds.incrementAndGet(), repartition.keys(), repartition.partitions(), false, child)
                    : new CoalesceExec(repartition.partitions(), child);
        }
        if (plan instanceof CachedRelation cached) {
            return new InMemoryTableScanExec(cached.output(), cached.cacheId(), cached.partitions());
        }
        if (plan instanceof Expand expand) {
            return new ExpandExec(expand.projections(), expand.output(), plan(expand.child()));
        }
        if (plan instanceof Generate generate) {
            return new GenerateExec(generate.generator(), generate.output(), plan(generate.child()));
        }
        throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "planning " + plan.nodeString());
    }

    /** An exchange the operators above need (Spark's ENSURE_REQUIREMENTS), which adaptive execution may read coalesced or split. */
    private ShuffleExchangeExec exchange(List<Expression> keys, int partitions, PhysicalPlan child) {
        return new ShuffleExchangeExec(shuffleIds.incrementAndGet(), keys, partitions, true, child);
    }

    /** The partitions of a shuffle of the rows of {@code input} (see {@link AdaptiveSettings#initialPartitions}). */
    private int partitionsFor(LogicalPlan... inputs) {
        long bytes = 0;
        for (LogicalPlan input : inputs) {
            bytes = Math.min(SizeEstimates.UNKNOWN, bytes + SizeEstimates.bytes(input));
        }
        return partitioning.initialPartitions(bytes);
    }

    private PhysicalPlan limit(Limit limit) {
        int needed = (int) Math.min(Integer.MAX_VALUE, (long) limit.limit() + limit.offset());
        if (limit.child() instanceof Sort sort && sort.global()) {
            // Top-N: each partition keeps its first rows, then one task merges them.
            PhysicalPlan local = new SortExec(sort.order(), needed, plan(sort.child()));
            PhysicalPlan merged = new SortExec(sort.order(), needed, exchange(List.of(), 1, local));
            return new LimitExec(limit.limit(), limit.offset(), merged);
        }
        PhysicalPlan local = new LimitExec(needed, 0, plan(limit.child()));
        return new LimitExec(limit.limit(), limit.offset(), exchange(List.of(), 1, local));
    }

    /** Each window partition in one task (all rows in one task without PARTITION BY), sorted by partition then order. */
    private PhysicalPlan window(Window window) {
        List<Expression> partitionBy = window.partitionBy();
        PhysicalPlan exchanged = exchange(partitionBy, partitionBy.isEmpty() ? 1 : partitionsFor(window.child()), plan(window.child()));
        List<SortOrder> order = new ArrayList<>();
        for (Expression key : partitionBy) {
            order.add(SortOrder.ascending(key));
        }
        order.addAll(window.orderBy());
        return new WindowExec(window.windowExpressions(), partitionBy, window.orderBy(), new SortExec(order, -1, exchanged));
    }

    // ---- aggregation

    private PhysicalPlan aggregate(Aggregate aggregate) {
        PhysicalPlan child = plan(aggregate.child());
        List<Expression> groupings = aggregate.groupings();
        // One function instance per distinct aggregate call, in order of appearance.
        Map<String, AggregateFunction> functions = new LinkedHashMap<>();
        for (Expression item : aggregate.aggregates()) {
            for (AggregateFunction function : item.collect(AggregateFunction.class)) {
                functions.putIfAbsent(Expressions.canonical(function), function);
            }
        }
        List<AggregateFunction> functionList = new ArrayList<>(functions.values());
        List<AttributeReference> keyAttributes = new ArrayList<>();
        for (Expression grouping : groupings) {
            keyAttributes.add(grouping instanceof AttributeReference a ? a
                    : AttributeReference.create(grouping.toString(), grouping.dataType(), grouping.nullable()));
        }
        List<AttributeReference> resultAttributes = new ArrayList<>();
        for (AggregateFunction function : functionList) {
            resultAttributes.add(AttributeReference.create(function.toString(), function.dataType(), function.nullable()));
        }
        List<AttributeReference> finalOutput = new ArrayList<>(keyAttributes);
        finalOutput.addAll(resultAttributes);
        int partitions = groupings.isEmpty() ? 1 : partitionsFor(aggregate.child());
        Map<Set<String>, List<Expression>> distinctSets = distinctArgumentSets(functionList);
        PhysicalPlan aggregated;
        if (distinctSets.isEmpty()) {
            aggregated = byKeys(groupings, functionList, finalOutput, partitions, child);
        } else if (distinctSets.size() == 1) {
            List<Expression> arguments = distinctSets.values().iterator().next();
            aggregated = distinctFirst(groupings, keyAttributes, arguments, functionList, finalOutput, partitions,
                    partitionsFor(aggregate.child()), child);
        } else {
            aggregated = expandDistinctSets(groupings, keyAttributes, distinctSets, functionList, finalOutput, partitions,
                    partitionsFor(aggregate.child()), child);
        }
        // The select items, computed from the keys and aggregate results.
        Map<String, AttributeReference> replacements = new LinkedHashMap<>();
        for (int g = 0; g < groupings.size(); g++) {
            replacements.put(Expressions.canonical(groupings.get(g)), keyAttributes.get(g));
        }
        for (int f = 0; f < functionList.size(); f++) {
            replacements.put(Expressions.canonical(functionList.get(f)), resultAttributes.get(f));
        }
        List<Expression> items = new ArrayList<>();
        for (Expression item : aggregate.aggregates()) {
            NamedExpression named = (NamedExpression) item;
            Expression body = item instanceof Alias alias ? alias.child() : item;
            Expression rewritten = body.transformDown(e -> {
                AttributeReference replacement = replacements.get(Expressions.canonical(e));
                return replacement != null ? replacement : e;
            });
            items.add(rewritten instanceof AttributeReference a && a.exprId().equals(named.exprId())
                    ? a : new Alias(rewritten, named.name(), named.exprId()));
        }
        return new ProjectExec(items, aggregated);
    }

    /**
     * Aggregation by the keys: partial, an exchange by the keys, final; or complete where the rows
     * are when each group's rows are in one partition already (after a join on the grouping keys,
     * or the first step of a DISTINCT rewrite).
     */
    private PhysicalPlan byKeys(List<Expression> groupings, List<AggregateFunction> functions, List<AttributeReference> finalOutput,
            int partitions, PhysicalPlan child) {
        HashAggregateExec complete = new HashAggregateExec(HashAggregateExec.Mode.COMPLETE, groupings, functions, finalOutput, child);
        return complete.inputClustered() ? complete : complete.inTwoPhases(shuffleIds.incrementAndGet(), partitions);
    }

    /**
     * The sets of arguments of the DISTINCT aggregates (by the arguments' canonical texts), each
     * argument once: {@code count(DISTINCT a, b)} and {@code sum(DISTINCT a)} have two sets,
     * {@code count(DISTINCT a)} and {@code sum(DISTINCT a)} one. Constant arguments
     * ({@code percentile(DISTINCT x, 0.5)}) stay in the call and are no part of a set.
     */
    private static Map<Set<String>, List<Expression>> distinctArgumentSets(List<AggregateFunction> functions) {
        Map<Set<String>, List<Expression>> sets = new LinkedHashMap<>();
        for (AggregateFunction function : functions) {
            if (function.distinct()) {
                Map<String, Expression> arguments = distinctArguments(function);
                sets.putIfAbsent(Set.copyOf(arguments.keySet()), new ArrayList<>(arguments.values()));
            }
        }
        return sets;
    }

    /** A DISTINCT aggregate's arguments by their canonical text, once each, constants left out unless all are. */
    private static Map<String, Expression> distinctArguments(AggregateFunction function) {
        Map<String, Expression> arguments = new LinkedHashMap<>();
        boolean allConstant = function.arguments().stream().allMatch(Expression::foldable);
        for (Expression argument : function.arguments()) {
            if (allConstant || !argument.foldable()) {
                arguments.putIfAbsent(Expressions.canonical(argument), argument);
            }
        }
        return arguments;
    }

    /**
     * DISTINCT aggregates over one set of arguments, as Spark's optimizer rewrites them: first
     * aggregate by the keys and those arguments (partial, exchange, merge), which makes the
     * arguments distinct, collapses duplicates before the exchange and spills like any
     * aggregation, while the other aggregates fold their rows into partial states; then aggregate
     * those rows by the keys alone, the DISTINCT aggregates folding each argument tuple once and
     * the others merging their states. {@code count(DISTINCT x)} thus never gathers all values of
     * a group in one task's set.
     */
    private PhysicalPlan distinctFirst(List<Expression> groupings, List<AttributeReference> keyAttributes, List<Expression> distinctArguments,
            List<AggregateFunction> functions, List<AttributeReference> finalOutput, int partitions, int distinctPartitions,
            PhysicalPlan child) {
        List<Expression> firstKeys = new ArrayList<>(groupings);
        List<AttributeReference> firstKeyAttributes = new ArrayList<>(keyAttributes);
        Map<String, AttributeReference> argumentAttributes = new LinkedHashMap<>();
        for (Expression argument : distinctArguments) {
            AttributeReference attribute = AttributeReference.create(argument.toString(), argument.dataType(), argument.nullable());
            argumentAttributes.put(Expressions.canonical(argument), attribute);
            firstKeys.add(argument);
            firstKeyAttributes.add(attribute);
        }
        List<AggregateFunction> others = functions.stream().filter(f -> !f.distinct()).toList();
        PhysicalPlan distinctRows = distinctRows(firstKeys, firstKeyAttributes, keyAttributes.size(), others, distinctPartitions, child);
        List<AttributeReference> firstOutput = distinctRows.output();
        List<AggregateFunction> second = new ArrayList<>();
        int stateColumn = firstKeyAttributes.size();
        for (AggregateFunction function : functions) {
            if (function.distinct()) {
                second.add(foldingOnce(function, argumentAttributes, null));
            } else {
                int width = function.stateTypes().size();
                second.add(Rebound.mergingStates(function, new ArrayList<>(firstOutput.subList(stateColumn, stateColumn + width))));
                stateColumn += width;
            }
        }
        return byKeys(new ArrayList<>(keyAttributes), second, finalOutput, partitions, distinctRows);
    }

    /**
     * The first step of a DISTINCT rewrite: {@code input} aggregated by {@code keys} (whose columns
     * are {@code keyAttributes}) partially, exchanged and merged, so that each distinct key tuple is
     * one row; {@code others} come out as partial states after the keys. The exchange hashes by the
     * query's own grouping keys, the first {@code groupingKeys}, as Spark's does: each group is then
     * whole in one partition, and the second step runs where the rows are, without another
     * exchange (q16's 118k distinct suppliers are shuffled once). Without grouping keys it hashes
     * by them all, so that a global {@code count(DISTINCT x)} is not merged in one task.
     */
    private PhysicalPlan distinctRows(List<Expression> keys, List<AttributeReference> keyAttributes, int groupingKeys,
            List<AggregateFunction> others, int partitions, PhysicalPlan input) {
        List<AttributeReference> output = HashAggregateExec.stateLayout(keyAttributes, others);
        PhysicalPlan partial = new HashAggregateExec(HashAggregateExec.Mode.PARTIAL, keys, others, output, input);
        List<AttributeReference> hashed = groupingKeys == 0 ? keyAttributes : keyAttributes.subList(0, groupingKeys);
        PhysicalPlan exchanged = exchange(new ArrayList<>(hashed), partitions, partial);
        return new HashAggregateExec(HashAggregateExec.Mode.MERGE, new ArrayList<>(keyAttributes), others, output, exchanged);
    }

    /**
     * A DISTINCT aggregate folding each tuple of its argument columns once, only on the rows where
     * {@code when} holds (null: all of them) and, for a call with a FILTER clause, where its
     * condition does: the condition is one more argument of the call, so its column is there.
     */
    private static Rebound foldingOnce(AggregateFunction function, Map<String, AttributeReference> columns, Expression when) {
        List<Expression> arguments = onColumns(function, columns);
        if (function instanceof Rebound clause && clause.isFilterClause()) {
            Expression condition = arguments.remove(arguments.size() - 1);
            when = when == null ? condition : new And(when, condition);
            function = clause.unfiltered();
        }
        Rebound folding = Rebound.foldingOnce(function, arguments);
        return when == null ? folding : folding.where(when);
    }

    /** The arguments of a DISTINCT aggregate read from their columns (by canonical text); constants stay. */
    private static List<Expression> onColumns(AggregateFunction function, Map<String, AttributeReference> columns) {
        List<Expression> arguments = new ArrayList<>();
        for (Expression argument : function.arguments()) {
            AttributeReference column = columns.get(Expressions.canonical(argument));
            arguments.add(column != null ? column : argument);
        }
        return arguments;
    }

    /**
     * DISTINCT aggregates over several sets of arguments, as Spark's optimizer rewrites them
     * (RewriteDistinctAggregates). An Expand emits each input row once per set, with an id
     * {@code gid} (1, 2, ...): the keys, that set's arguments, NULL in the other sets' columns; and
     * once with gid 0 for the other aggregates: the keys and the columns they read. A first
     * aggregation by the keys, gid and all sets' arguments (partial, exchange, merge) makes each
     * set's arguments distinct while the other aggregates fold into partial states; the second, by
     * the keys, folds each DISTINCT aggregate over the rows of its own set and merges the other
     * aggregates' states from gid 0's row. Both aggregations spill like any other.
     */
    private PhysicalPlan expandDistinctSets(List<Expression> groupings, List<AttributeReference> keyAttributes,
            Map<Set<String>, List<Expression>> distinctSets, List<AggregateFunction> functions, List<AttributeReference> finalOutput,
            int partitions, int distinctPartitions, PhysicalPlan child) {
        // A column per distinct argument, shared by the sets that have it.
        Map<String, Expression> arguments = new LinkedHashMap<>();
        Map<String, AttributeReference> argumentAttributes = new LinkedHashMap<>();
        for (List<Expression> set : distinctSets.values()) {
            for (Expression argument : set) {
                String key = Expressions.canonical(argument);
                if (arguments.putIfAbsent(key, argument) == null) {
                    argumentAttributes.put(key, AttributeReference.create(argument.toString(), argument.dataType(), true));
                }
            }
        }
        AttributeReference gid = AttributeReference.create("gid", AtomicType.INT, false);
        List<AggregateFunction> others = functions.stream().filter(f -> !f.distinct()).toList();
        // The other aggregates keep their expressions, over the input columns they read, which gid 0's rows carry.
        Set<ExprId> keyIds = keyAttributes.stream().map(AttributeReference::exprId).collect(Collectors.toSet());
        Map<ExprId, AttributeReference> otherInputs = new LinkedHashMap<>();
        for (AggregateFunction other : others) {
            for (AttributeReference input : other.collect(AttributeReference.class)) {
                if (!keyIds.contains(input.exprId())) {
                    otherInputs.putIfAbsent(input.exprId(), input);
                }
            }
        }

        List<AttributeReference> expandOutput = new ArrayList<>(keyAttributes);
        expandOutput.addAll(argumentAttributes.values());
        expandOutput.add(gid);
        expandOutput.addAll(otherInputs.values());
        List<List<Expression>> projections = new ArrayList<>();
        if (!others.isEmpty()) {
            projections.add(projection(groupings, arguments, Set.of(), 0, otherInputs.values(), false));
        }
        List<Set<String>> sets = new ArrayList<>(distinctSets.keySet());
        for (int s = 0; s < sets.size(); s++) {
            projections.add(projection(groupings, arguments, sets.get(s), s + 1, otherInputs.values(), true));
        }
        PhysicalPlan expanded = new ExpandExec(projections, expandOutput, child);

        List<AttributeReference> firstKeyAttributes = new ArrayList<>(keyAttributes);
        firstKeyAttributes.addAll(argumentAttributes.values());
        firstKeyAttributes.add(gid);
        PhysicalPlan distinctRows = distinctRows(new ArrayList<>(firstKeyAttributes), firstKeyAttributes, keyAttributes.size(), others,
                distinctPartitions, expanded);
        List<AttributeReference> firstOutput = distinctRows.output();

        List<AggregateFunction> second = new ArrayList<>();
        int stateColumn = firstKeyAttributes.size();
        for (AggregateFunction function : functions) {
            if (function.distinct()) {
                int set = sets.indexOf(distinctArguments(function).keySet()) + 1;
                second.add(foldingOnce(function, argumentAttributes, gidIs(gid, set)));
            } else {
                int width = function.stateTypes().size();
                List<Expression> states = new ArrayList<>(firstOutput.subList(stateColumn, stateColumn + width));
                second.add(Rebound.mergingStates(function, states).where(gidIs(gid, 0)));
                stateColumn += width;
            }
        }
        return byKeys(new ArrayList<>(keyAttributes), second, finalOutput, partitions, distinctRows);
    }

    /**
     * One projection of {@link #expandDistinctSets}: the keys, the arguments in {@code set} (NULL
     * elsewhere), the id, the other aggregates' inputs (NULL when {@code othersNull}).
     */
    private static List<Expression> projection(List<Expression> groupings, Map<String, Expression> arguments, Set<String> set, int id,
            Collection<AttributeReference> otherInputs, boolean othersNull) {
        List<Expression> projection = new ArrayList<>(groupings);
        arguments.forEach((key, argument) -> projection.add(set.contains(key) ? argument : new Literal(null, argument.dataType())));
        projection.add(Literal.of(id));
        otherInputs.forEach(input -> projection.add(othersNull ? new Literal(null, input.dataType()) : input));
        return projection;
    }

    private static Expression gidIs(AttributeReference gid, int id) {
        return new Comparison(Comparison.Operator.EQUAL, gid, Literal.of(id));
    }

    // ---- joins

    private PhysicalPlan join(Join join) {
        List<AttributeReference> leftOutput = join.left().output();
        List<AttributeReference> rightOutput = join.right().output();
        List<Expression> leftKeys = new ArrayList<>();
        List<Expression> rightKeys = new ArrayList<>();
        List<Boolean> nullSafe = new ArrayList<>();
        Expression residual = null;
        for (Expression conjunct : Predicates.conjuncts(join.condition())) {
            // a = b and a <=> b are keys; with <=>, NULL matches NULL (INTERSECT and EXCEPT compare so).
            if (conjunct instanceof Comparison comparison && (comparison.operator() == Comparison.Operator.EQUAL
                    || comparison.operator() == Comparison.Operator.NULL_SAFE_EQUAL)) {
                if (Predicates.joinsSides(comparison, leftOutput, rightOutput)) {
                    boolean leftFirst = Predicates.refersOnlyTo(comparison.left(), leftOutput);
                    leftKeys.add(leftFirst ? comparison.left() : comparison.right());
                    rightKeys.add(leftFirst ? comparison.right() : comparison.left());
                    nullSafe.add(comparison.operator() == Comparison.Operator.NULL_SAFE_EQUAL);
                    continue;
                }
            }
            residual = residual == null ? conjunct : new And(residual, conjunct);
        }
        PhysicalPlan left = plan(join.left());
        PhysicalPlan right = plan(join.right());
        List<AttributeReference> output = join.output();
        if (!leftKeys.isEmpty()) {
            return equiJoin(join, left, right, new JoinKeys(leftKeys, rightKeys, nullSafe), residual);
        }
        boolean rightRowsTracked = join.joinType() == JoinType.RIGHT_OUTER || join.joinType() == JoinType.FULL_OUTER;
        PhysicalPlan probe = rightRowsTracked ? exchange(List.of(), 1, left) : left;
        return new HashJoinExec(probe, exchange(List.of(), 1, right), join.joinType(), JoinKeys.NONE, residual, true, output);
    }

    /**
     * An equi-join builds a hash table on its right side. A small right side (by estimate, under
     * {@code ember.sql.autoBroadcastJoinThreshold}) is copied whole to every task, so the left side
     * is not shuffled at all; an inner join swaps its sides when the left is the small or smaller one,
     * and so does a semi or anti join without adaptive execution (which decides it from the real sizes).
     * With adaptive execution, a semi or anti join whose preserved left side is the smaller one and
     * small is shuffled and swapped even when its right side could be broadcast: the preserved side
     * then runs first, and the other side's rows are filtered by its keys before they are shuffled
     * (TPC-H Q4's 57k orders against 3.8M lineitems, Q22's customers against every order).
     * Otherwise both sides are shuffled by the keys, except a side whose rows are already hashed so.
     */
    private PhysicalPlan equiJoin(Join join, PhysicalPlan left, PhysicalPlan right, JoinKeys keys, Expression residual) {
        JoinType type = join.joinType();
        long leftBytes = SizeEstimates.bytes(join.left());
        long rightBytes = SizeEstimates.bytes(join.right());
        boolean inner = type == JoinType.INNER;
        boolean rightBroadcastable = type != JoinType.RIGHT_OUTER && type != JoinType.FULL_OUTER;
        if (inner && buildsOnLeft(join, leftBytes, rightBytes)) {
            // Build on the smaller side: the same join with the sides swapped, then the columns put back in order.
            List<AttributeReference> swappedOutput = new ArrayList<>(right.output());
            swappedOutput.addAll(left.output());
            PhysicalPlan swapped = equiJoin(JoinType.INNER, right, left, keys.swapped(), residual, leftBytes, partitionsFor(join.left(), join.right()), swappedOutput);
            return new ProjectExec(new ArrayList<>(join.output()), swapped);
        }
        boolean filtersRight = type.semiOrAnti() && partitioning.enabled() && leftBytes < rightBytes && leftBytes <= broadcastThreshold;
        PhysicalPlan planned = equiJoin(type, left, right, keys, residual, rightBroadcastable && !filtersRight ? rightBytes : SizeEstimates.UNKNOWN,
                partitionsFor(join.left(), join.right()), join.output());
        if (type.semiOrAnti() && (filtersRight || !partitioning.enabled() && leftBytes < rightBytes) && planned instanceof HashJoinExec shuffled
                && !shuffled.broadcastRight()) {
            // Build on the preserved side, the smaller one: the build rows a probe row matches are marked.
            return shuffled.swapped();
        }
        return planned;
    }

    /**
     * Whether an inner join is built on its left side: the smaller one by {@link SizeEstimates#bytes}
     * when either side can be broadcast by those, else the one whose estimated rows take fewer bytes
     * ({@link SizeEstimates#estimatedRowBytes}): adaptive execution runs the build side first and
     * broadcasts it when it turns out small, the other side then read where it is (TPC-H Q12's 31k
     * lineitems of two ship modes and a year, not all 1.5M orders shuffled).
     */
    private boolean buildsOnLeft(Join join, long leftBytes, long rightBytes) {
        if (broadcastThreshold >= 0 && Math.min(leftBytes, rightBytes) <= broadcastThreshold) {
            return leftBytes < rightBytes;
        }
        return SizeEstimates.estimatedRowBytes(join.left()) < SizeEstimates.estimatedRowBytes(join.right());
    }

    private PhysicalPlan equiJoin(JoinType type, PhysicalPlan left, PhysicalPlan right, JoinKeys keys, Expression residual,
            long rightBytes, int partitions, List<AttributeReference> output) {
        if (broadcastThreshold >= 0 && rightBytes <= broadcastThreshold) {
            return new HashJoinExec(left, exchange(List.of(), 1, right), type, keys, residual, true, output);
        }
        // A side already hashed by its keys keeps its partitions (Spark's EnsureRequirements), the other is hashed into as many.
        int leftPartitions = partitionsBy(left, keys.left());
        int rightPartitions = partitionsBy(right, keys.right());
        int shared = leftPartitions > 0 ? leftPartitions : rightPartitions > 0 ? rightPartitions : partitions;
        PhysicalPlan leftSide = leftPartitions == shared ? left : exchange(keys.left(), shared, left);
        PhysicalPlan rightSide = rightPartitions == shared ? right : exchange(keys.right(), shared, right);
        return new HashJoinExec(leftSide, rightSide, type, keys, residual, false, output);
    }

    /** The partition count of {@code side} if its rows are hashed by exactly {@code keys}, else 0. */
    private static int partitionsBy(PhysicalPlan side, List<Expression> keys) {
        return side.hashPartitionings().stream().filter(p -> p.hashesBy(keys)).mapToInt(HashPartitioning::partitions).findFirst().orElse(0);
    }

    /** INTERSECT / EXCEPT (distinct): a semi or anti join on null-safe equality of every column, then distinct. */
    private static LogicalPlan rewriteSetOperation(SetOperation operation) {
        if (operation.all()) {
            return rewriteSetOperationAll(operation);
        }
        List<AttributeReference> left = operation.left().output();
        List<AttributeReference> right = operation.right().output();
        Expression condition = null;
        for (int c = 0; c < left.size(); c++) {
            Expression equal = new Comparison(Comparison.Operator.NULL_SAFE_EQUAL, left.get(c), right.get(c));
            condition = condition == null ? equal : new And(condition, equal);
        }
        JoinType type = operation.kind() == SetOperation.Kind.INTERSECT ? JoinType.LEFT_SEMI : JoinType.LEFT_ANTI;
        return new Distinct(new Join(operation.left(), operation.right(), type, condition));
    }

    /**
     * INTERSECT ALL / EXCEPT ALL: the rows of both sides, marked with their side, counted per
     * distinct row (NULLs alike), then each row repeated as often as it survives: the smaller
     * count for INTERSECT ALL, the left count minus the right count for EXCEPT ALL.
     */
    private static LogicalPlan rewriteSetOperationAll(SetOperation operation) {
        List<AttributeReference> columns = operation.left().output();
        int width = columns.size();
        Union union = new Union(List.of(markSide(operation.left(), true), markSide(operation.right(), false)), false, false);
        List<AttributeReference> marked = union.output();
        List<Expression> keys = new ArrayList<>(marked.subList(0, width));
        Alias leftCount = new Alias(new Count(marked.get(width), false), "left_count");
        Alias rightCount = new Alias(new Count(marked.get(width + 1), false), "right_count");
        List<Expression> items = new ArrayList<>(keys);
        items.add(leftCount);
        items.add(rightCount);
        Aggregate counted = new Aggregate(keys, items, union);
        Expression left = leftCount.toAttribute();
        Expression right = rightCount.toAttribute();
        Expression times = operation.kind() == SetOperation.Kind.INTERSECT
                ? new CaseWhen(List.of(new Comparison(Comparison.Operator.LESS_THAN, left, right)), List.of(left), right)
                : new Arithmetic(Arithmetic.Operator.SUBTRACT, left, right);
        Explode copies = new Explode(new ArrayRepeat(Literal.TRUE, new Cast(times, AtomicType.INT)), false, false);
        Generate generate = new Generate(copies, List.of(AttributeReference.create("copy", AtomicType.BOOLEAN, false)), counted);
        return new Project(new ArrayList<>(columns), generate);
    }

    /** The side's columns, then two markers: (true, NULL) on the left, (NULL, true) on the right, for count to tell apart. */
    private static LogicalPlan markSide(LogicalPlan side, boolean isLeft) {
        Literal absent = new Literal(null, AtomicType.BOOLEAN);
        List<Expression> columns = new ArrayList<>(side.output());
        columns.add(new Alias(isLeft ? Literal.TRUE : absent, "in_left"));
        columns.add(new Alias(isLeft ? absent : Literal.TRUE, "in_right"));
        return new Project(columns, side);
    }

    // ---- files

    /**
     * A filter right over a file scan as the scan applying it while it reads, outputting only the
     * columns {@code parent} reads ({@link FileScanExec#filtered}); over a scan of partition columns,
     * which cannot, a filter copying only those columns. Null for other filters and for conditions
     * that are not deterministic.
     */
    private PhysicalPlan filteredScan(Filter filter, List<? extends Expression> parent) {
        if (!(unaliased(filter.child()) instanceof FileRelation relation) || !filter.condition().deterministic()) {
            return null;
        }
        FileScanExec scan = scan(relation);
        Set<ExprId> read = new HashSet<>();
        parent.forEach(e -> e.collect(AttributeReference.class).forEach(a -> read.add(a.exprId())));
        List<AttributeReference> output = scan.output().stream().filter(a -> read.contains(a.exprId())).toList();
        Expression condition = runCondition(filter);
        return scan.canFilter() ? scan.filtered(condition, output) : new FilterExec(condition, scan, output);
    }

    private FileScanExec scan(FileRelation relation) {
        List<FileSplit> splits = new ArrayList<>();
        long total = SizeEstimates.fileBytes(relation);
        long partitionCount = EvenGroups.count(total, Math.max(MIN_SPLIT_BYTES, Math.min(MAX_SPLIT_BYTES, total / Math.max(1, parallelism))),
                parallelism);
        long splitBytes = EvenGroups.ceilDiv(total, partitionCount);
        FileFormat format = FileFormats.find(relation.format());
        ReadOptions options = new ReadOptions(relation.options());
        for (FileEntry file : relation.files()) {
            long length = file.length();
            long cutBytes = Math.max(splitBytes, MIN_SPLIT_BYTES);
            if (length <= cutBytes || !format.isSplittable(file.location(), options)) {
                splits.add(FileSplit.whole(file));
            } else {
                for (long start = 0; start < length; start += cutBytes) {
                    splits.add(new FileSplit(file.location(), start, Math.min(cutBytes, length - start), length));
                }
            }
        }
        // Pack splits into partitions of about splitBytes each, so that many small files share a task.
        List<List<FileSplit>> partitions = new ArrayList<>();
        List<FileSplit> current = new ArrayList<>();
        EvenGroups groups = new EvenGroups(splitBytes);
        for (FileSplit split : splits) {
            if (groups.startsGroup(split.length()) && !current.isEmpty()) {
                partitions.add(current);
                current = new ArrayList<>();
            }
            current.add(split);
        }
        if (!current.isEmpty()) {
            partitions.add(current);
        }
        int dataWidth = relation.dataSchema().size();
        int[] dataColumns = java.util.Arrays.stream(relation.columns()).filter(c -> c < dataWidth).toArray();
        int[] partitionColumns = java.util.Arrays.stream(relation.columns()).filter(c -> c >= dataWidth).map(c -> c - dataWidth).toArray();
        if (partitionColumns.length == 0) {
            return new FileScanExec(relation.format(), partitions, relation.dataSchema(), dataColumns, relation.pushedFilters(),
                    relation.options(), fileSystemSettings, relation.output(), FileScanExec.PartitionColumns.NONE, List.of());
        }
        // Partition columns are constants of each file, taken from its directory.
        List<DataType> types = java.util.Arrays.stream(partitionColumns)
                .mapToObj(c -> relation.partitioning().schema().field(c).dataType()).toList();
        Map<dev.ember.fs.Location, List<Object>> values = new LinkedHashMap<>();
        for (FileEntry file : relation.files()) {
            List<Object> all = relation.partitioning().valuesOf(file.location());
            values.put(file.location(), java.util.Arrays.stream(partitionColumns).mapToObj(all::get).toList());
        }
        boolean countOnly = dataColumns.length == 0 && dataWidth > 0;
        return new FileScanExec(relation.format(), partitions, relation.dataSchema(), countOnly ? new int[] {0} : dataColumns,
                relation.pushedFilters(), relation.options(), fileSystemSettings, relation.output(),
                new FileScanExec.PartitionColumns(types, values, countOnly),
                relation.partitionFilters().stream().map(Object::toString).toList());
    }

    /** {@code plan} without the subquery aliases it starts with, which only name its output. */
    /**
     * A filter's condition as it runs: its conjuncts in turn, as Spark's generated code runs them
     * ({@link Conjuncts}), except over local rows, which Spark filters while planning, with the
     * condition evaluated whole.
     */
    private static Expression runCondition(Filter filter) {
        return unaliased(filter.child()) instanceof LocalRelation ? filter.condition() : Conjuncts.of(filter.condition());
    }

    private static LogicalPlan unaliased(LogicalPlan plan) {
        return plan instanceof SubqueryAlias alias ? unaliased(alias.child()) : plan;
    }

    /** Whether a projection's item is a column, as it is or renamed. */
    private static boolean column(Expression item) {
        return item instanceof AttributeReference || item instanceof Alias alias && alias.child() instanceof AttributeReference;
    }

    /** {@code outer}'s items (columns and aliases) over the columns {@code inner} picks and renames, read from {@code inner}'s input, under their own names and ids. */
    private static List<Expression> composed(List<Expression> outer, List<Expression> inner) {
        Map<ExprId, Expression> sources = new HashMap<>();
        for (Expression item : inner) {
            sources.put(((NamedExpression) item).exprId(), item instanceof Alias alias ? alias.child() : item);
        }
        return outer.stream().map(item -> {
            Expression read = item.transformUp(e -> e instanceof AttributeReference column ? sources.getOrDefault(column.exprId(), column) : e);
            if (item instanceof AttributeReference column && !((AttributeReference) read).exprId().equals(column.exprId())) {
                return new Alias(read, column.name(), column.exprId());
            }
            return read;
        }).toList();
    }
}
