package dev.ember.sql;

import static java.util.Objects.requireNonNull;

import dev.ember.analysis.Expressions;
import dev.ember.expr.Alias;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.expr.SortOrder;
import dev.ember.expr.UnresolvedAttribute;
import dev.ember.parser.SqlParser;
import dev.ember.plan.logical.Deduplicate;
import dev.ember.plan.logical.Distinct;
import dev.ember.plan.logical.Filter;
import dev.ember.plan.logical.Join;
import dev.ember.plan.logical.JoinType;
import dev.ember.plan.logical.Limit;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Project;
import dev.ember.plan.logical.Repartition;
import dev.ember.plan.logical.Sample;
import dev.ember.plan.logical.SetOperation;
import dev.ember.plan.logical.Sort;
import dev.ember.plan.logical.Union;
import dev.ember.rdd.Rdd;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.function.RowToJson;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import dev.ember.storage.StorageLevel;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A lazily evaluated table, as Spark's {@code Dataset<Row>}: an analyzed logical plan and the
 * session that runs it. Transformations return new DataFrames; actions ({@link #collectAsList},
 * {@link #count}, {@link #show}, writes) run a job.
 */
public final class DataFrame {
    private final EmberSession session;
    private final LogicalPlan plan;

    DataFrame(EmberSession session, LogicalPlan plan) {
        this.session = requireNonNull(session, "session is null");
        this.plan = requireNonNull(plan, "plan is null");
    }

    private DataFrame derive(LogicalPlan unresolved) {
        return new DataFrame(session, session.analyzer().analyzeOver(unresolved));
    }

    public EmberSession sparkSession() {
        return session;
    }

    /** The analyzed logical plan. */
    public LogicalPlan logicalPlan() {
        return plan;
    }

    // ---- schema

    public StructType schema() {
        return EmberSession.schemaOf(plan.output());
    }

    public String[] columns() {
        return schema().fieldNames();
    }

    /** (name, type) pairs; type names as Spark's {@code dtypes} prints them: {@code IntegerType}, {@code DecimalType(6,2)}. */
    public List<String[]> dtypes() {
        return schema().fields().stream().map(f -> new String[] {f.name(), typeString(f.dataType())}).toList();
    }

    /** A type as Spark's {@code DataType.toString}. */
    private static String typeString(DataType type) {
        if (type instanceof DecimalType decimal) {
            return "DecimalType(" + decimal.precision() + "," + decimal.scale() + ")";
        }
        if (type instanceof ArrayType array) {
            return "ArrayType(" + typeString(array.elementType()) + "," + array.containsNull() + ")";
        }
        if (type instanceof MapType map) {
            return "MapType(" + typeString(map.keyType()) + "," + typeString(map.valueType()) + "," + map.valueContainsNull() + ")";
        }
        if (type instanceof StructType struct) {
            return struct.fields().stream().map(f -> "StructField(" + f.name() + "," + typeString(f.dataType()) + "," + f.nullable() + ")")
                    .collect(Collectors.joining(",", "StructType(", ")"));
        }
        return switch ((AtomicType) type) {
            case NULL -> "NullType";
            case INT -> "IntegerType";
            default -> {
                String name = ((AtomicType) type).typeName();
                yield Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Type";
            }
        };
    }

    /** Prints the schema tree and an empty line, as Spark does. */
    public void printSchema() {
        System.out.println(schema().treeString());
    }

    // ---- transformations

    public DataFrame select(Column... columns) {
        return derive(new Project(Arrays.stream(columns).map(Column::expr).toList(), plan));
    }

    public DataFrame select(String column, String... more) {
        List<Expression> expressions = new ArrayList<>();
        expressions.add(functions.col(column).expr());
        for (String name : more) {
            expressions.add(functions.col(name).expr());
        }
        return derive(new Project(expressions, plan));
    }

    public DataFrame selectExpr(String... expressions) {
        return derive(new Project(Arrays.stream(expressions).map(SqlParser::parseExpression).toList(), plan));
    }

    public DataFrame filter(Column condition) {
        return derive(new Filter(condition.expr(), plan));
    }

    public DataFrame filter(String condition) {
        return derive(new Filter(SqlParser.parseExpression(condition), plan));
    }

    public DataFrame where(Column condition) {
        return filter(condition);
    }

    public DataFrame where(String condition) {
        return filter(condition);
    }

    /** Adds a column, or replaces the column of that name in place. */
    public DataFrame withColumn(String name, Column column) {
        List<Expression> items = new ArrayList<>();
        boolean replaced = false;
        for (AttributeReference attribute : plan.output()) {
            if (attribute.name().equalsIgnoreCase(name)) {
                items.add(new Alias(column.expr(), name));
                replaced = true;
            } else {
                items.add(attribute);
            }
        }
        if (!replaced) {
            items.add(new Alias(column.expr(), name));
        }
        return derive(new Project(items, plan));
    }

    public DataFrame withColumnRenamed(String existing, String renamed) {
        List<Expression> items = new ArrayList<>();
        for (AttributeReference attribute : plan.output()) {
            items.add(attribute.name().equalsIgnoreCase(existing) ? new Alias(attribute, renamed) : attribute);
        }
        return derive(new Project(items, plan));
    }

    public DataFrame drop(String... names) {
        List<String> dropped = Arrays.stream(names).map(n -> n.toLowerCase(java.util.Locale.ROOT)).toList();
        List<Expression> items = new ArrayList<>();
        for (AttributeReference attribute : plan.output()) {
            if (!dropped.contains(attribute.name().toLowerCase(java.util.Locale.ROOT))) {
                items.add(attribute);
            }
        }
        return derive(new Project(items, plan));
    }

    public GroupedData groupBy(Column... columns) {
        return new GroupedData(this, Arrays.stream(columns).map(Column::expr).toList());
    }

    public GroupedData groupBy(String column, String... more) {
        List<Expression> keys = new ArrayList<>();
        keys.add(functions.col(column).expr());
        for (String name : more) {
            keys.add(functions.col(name).expr());
        }
        return new GroupedData(this, keys);
    }

    /** Aggregates over the whole DataFrame: {@code df.agg(max("a"))}. */
    public DataFrame agg(Column aggregate, Column... more) {
        return new GroupedData(this, List.of()).agg(aggregate, more);
    }

    /** Groups by {@code groupings} (the keys, and grouping sets after them for rollup and cube), selecting the keys and aggregates. */
    DataFrame aggregate(List<Expression> groupings, List<Expression> keys, List<Expression> aggregates) {
        List<Expression> items = new ArrayList<>(keys);
        items.addAll(aggregates);
        return derive(new dev.ember.plan.logical.Aggregate(groupings, items, plan));
    }

    /** Subtotals: {@code rollup("a", "b")} groups by (a, b), (a) and (), the left-out columns NULL. */
    public GroupedData rollup(Column... columns) {
        return GroupedData.rollup(this, Arrays.stream(columns).map(Column::expr).toList());
    }

    public GroupedData rollup(String column, String... more) {
        return rollup(names(column, more));
    }

    /** Every combination: {@code cube("a", "b")} groups by (a, b), (a), (b) and (). */
    public GroupedData cube(Column... columns) {
        return GroupedData.cube(this, Arrays.stream(columns).map(Column::expr).toList());
    }

    public GroupedData cube(String column, String... more) {
        return cube(names(column, more));
    }

    public DataFrame join(DataFrame right) {
        return derive(new Join(plan, right.plan, JoinType.INNER, null));
    }

    public DataFrame join(DataFrame right, String usingColumn) {
        return join(right, List.of(usingColumn), "inner");
    }

    public DataFrame join(DataFrame right, String usingColumn, String joinType) {
        return join(right, List.of(usingColumn), joinType);
    }

    public DataFrame join(DataFrame right, String[] usingColumns) {
        return join(right, List.of(usingColumns), "inner");
    }

    public DataFrame join(DataFrame right, String[] usingColumns, String joinType) {
        return join(right, List.of(usingColumns), joinType);
    }

    public DataFrame join(DataFrame right, List<String> usingColumns, String joinType) {
        return derive(new Join(plan, right.plan, JoinType.fromString(joinType), null, usingColumns));
    }

    public DataFrame join(DataFrame right, Column condition) {
        return join(right, condition, "inner");
    }

    public DataFrame join(DataFrame right, Column condition, String joinType) {
        return derive(new Join(plan, right.plan, JoinType.fromString(joinType), condition.expr()));
    }

    public DataFrame crossJoin(DataFrame right) {
        return derive(new Join(plan, right.plan, JoinType.CROSS, null));
    }

    public DataFrame orderBy(Column... columns) {
        return derive(new Sort(sortOrders(columns), true, plan));
    }

    public DataFrame orderBy(String column, String... more) {
        return orderBy(names(column, more));
    }

    public DataFrame sort(Column... columns) {
        return orderBy(columns);
    }

    public DataFrame sort(String column, String... more) {
        return orderBy(column, more);
    }

    private static Column[] names(String column, String... more) {
        Column[] columns = new Column[more.length + 1];
        columns[0] = functions.col(column);
        for (int i = 0; i < more.length; i++) {
            columns[i + 1] = functions.col(more[i]);
        }
        return columns;
    }

    private static List<SortOrder> sortOrders(Column[] columns) {
        return Arrays.stream(columns).map(c -> c.expr() instanceof SortOrder order ? order : SortOrder.ascending(c.expr())).toList();
    }

    public DataFrame limit(int n) {
        return derive(new Limit(n, plan));
    }

    public DataFrame distinct() {
        return derive(new Distinct(plan));
    }

    /** One row per distinct row, as {@link #distinct}. */
    public DataFrame dropDuplicates() {
        return dropDuplicates(columns());
    }

    /** One row (any one) per distinct combination of the named columns; every column of a repeated name counts. */
    public DataFrame dropDuplicates(String... columns) {
        List<AttributeReference> keys = new ArrayList<>();
        for (String name : columns) {
            List<AttributeReference> matches = plan.output().stream().filter(a -> a.name().equalsIgnoreCase(name)).toList();
            if (matches.isEmpty()) {
                throw EmberException.of(ErrorClass.UNRESOLVED_COLUMN_AMONG_FIELD_NAMES, "colName", name,
                        "fieldNames", String.join(", ", columns()));
            }
            keys.addAll(matches);
        }
        return derive(new Deduplicate(keys, plan));
    }

    public DataFrame dropDuplicates(List<String> columns) {
        return dropDuplicates(columns.toArray(String[]::new));
    }

    /** Functions for missing values: {@code na().fill(0)}, {@code na().drop()}. */
    public DataFrameNaFunctions na() {
        return new DataFrameNaFunctions(this);
    }

    /**
     * Bernoulli sample of about {@code fraction} of the rows, the same rows for the same seed and
     * input. The rows differ from Spark's, whose generator is not reproduced.
     */
    public DataFrame sample(double fraction, long seed) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("requirement failed: Sampling fraction (" + fraction + ") must be on interval [0, 1] without replacement");
        }
        return derive(new Sample(0, fraction, seed, plan));
    }

    public DataFrame sample(double fraction) {
        return sample(fraction, new SplittableRandom().nextLong());
    }

    /**
     * Splits the rows at random by weight (normalized to sum 1): the parts are disjoint and together
     * hold every row, and are the same for the same seed and input. As in Spark, each partition is
     * first sorted so that every part sees the rows in the same order.
     */
    public DataFrame[] randomSplit(double[] weights, long seed) {
        double total = 0;
        for (double weight : weights) {
            if (!(weight >= 0)) {
                throw new IllegalArgumentException("requirement failed: Weights must be nonnegative, but got " + Arrays.toString(weights));
            }
            total += weight;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("requirement failed: Sum of weights must be positive, but got " + Arrays.toString(weights));
        }
        List<SortOrder> order = plan.output().stream()
                .filter(a -> a.dataType() instanceof AtomicType || a.dataType() instanceof DecimalType)
                .map(a -> SortOrder.ascending(a)).toList();
        LogicalPlan sorted = order.isEmpty() ? plan : new Sort(order, false, plan);
        DataFrame[] parts = new DataFrame[weights.length];
        double lower = 0;
        for (int i = 0; i < weights.length; i++) {
            double upper = i == weights.length - 1 ? 1.0 : lower + weights[i] / total;
            parts[i] = derive(new Sample(lower, upper, seed, sorted));
            lower = upper;
        }
        return parts;
    }

    public DataFrame[] randomSplit(double[] weights) {
        return randomSplit(weights, new SplittableRandom().nextLong());
    }

    /** The rows spread round-robin over n partitions (a shuffle). */
    public DataFrame repartition(int numPartitions) {
        return derive(new Repartition(numPartitions, List.of(), true, plan));
    }

    /** The rows spread over n partitions by the hash of the columns (a shuffle). */
    public DataFrame repartition(int numPartitions, Column... columns) {
        return derive(new Repartition(numPartitions, Arrays.stream(columns).map(Column::expr).toList(), true, plan));
    }

    /** At most n partitions by merging neighbouring ones, without a shuffle. */
    public DataFrame coalesce(int numPartitions) {
        return derive(new Repartition(numPartitions, List.of(), false, plan));
    }

    /** One string column {@code value}: each row as Spark's JSON text, NULL fields left out. */
    public DataFrame toJSON() {
        List<Expression> columns = new ArrayList<>(plan.output());
        List<String> names = plan.output().stream().map(AttributeReference::name).toList();
        return derive(new Project(List.of(new Alias(new RowToJson(columns, names, session.conf().sessionTimeZone()), "value")), plan));
    }

    /**
     * Statistics of numeric and string columns (all of them when none are named), as strings:
     * rows {@code count}, {@code mean}, {@code stddev}, {@code min}, {@code max}, as Spark's
     * {@code describe}. Computed now, in one job.
     */
    public DataFrame describe(String... columnNames) {
        List<AttributeReference> described = new ArrayList<>();
        if (columnNames.length == 0) {
            plan.output().stream().filter(a -> a.dataType().isNumeric() || a.dataType() == AtomicType.STRING).forEach(described::add);
        } else {
            for (String name : columnNames) {
                described.add(Expressions.resolveAttribute(new UnresolvedAttribute(Column.nameParts(name), null), plan.output()));
            }
        }
        String[] statistics = {"count", "mean", "stddev", "min", "max"};
        List<Column> aggregates = new ArrayList<>();
        for (String statistic : statistics) {
            for (AttributeReference attribute : described) {
                Column column = new Column(attribute);
                boolean numeric = attribute.dataType().isNumeric();
                Column value = switch (statistic) {
                    case "count" -> functions.count(column);
                    case "mean" -> numeric ? functions.avg(column) : functions.lit(null);
                    case "stddev" -> numeric ? functions.stddev(column) : functions.lit(null);
                    case "min" -> functions.min(column);
                    default -> functions.max(column);
                };
                aggregates.add(value.cast(AtomicType.STRING));
            }
        }
        Row values = described.isEmpty() ? Row.of() : agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first();
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < statistics.length; s++) {
            Object[] row = new Object[described.size() + 1];
            row[0] = statistics[s];
            for (int c = 0; c < described.size(); c++) {
                row[c + 1] = values.get(s * described.size() + c);
            }
            rows.add(Row.of(row));
        }
        StructType schema = new StructType(List.of(new StructField("summary", AtomicType.STRING, true)));
        for (AttributeReference attribute : described) {
            schema = schema.add(attribute.name(), AtomicType.STRING, true);
        }
        return session.createDataFrame(rows, schema);
    }

    /**
     * Keeps this frame's rows once computed (by the first action that needs them) and reads them
     * from there in every later query built on this frame, until {@link #unpersist}.
     */
    public DataFrame persist() {
        return persist(StorageLevel.MEMORY_AND_DISK);
    }

    /**
     * Persists at {@code level}: in memory while the memory manager grants it and on disk beyond
     * (every level that uses memory), or on disk only ({@code DISK_ONLY}).
     */
    public DataFrame persist(StorageLevel level) {
        session.cache().persist(plan, level);
        return this;
    }

    /** The level this frame is persisted at, {@code StorageLevel.NONE} when it is not. */
    public StorageLevel storageLevel() {
        return session.cache().storageLevel(plan);
    }

    public DataFrame cache() {
        return persist();
    }

    public DataFrame unpersist() {
        session.cache().unpersist(plan);
        return this;
    }

    public DataFrame unpersist(boolean blocking) {
        return unpersist();
    }

    public DataFrame union(DataFrame other) {
        return derive(new Union(List.of(plan, other.plan), false, false));
    }

    public DataFrame unionAll(DataFrame other) {
        return union(other);
    }

    public DataFrame unionByName(DataFrame other) {
        return unionByName(other, false);
    }

    public DataFrame unionByName(DataFrame other, boolean allowMissingColumns) {
        return derive(new Union(List.of(plan, other.plan), true, allowMissingColumns));
    }

    public DataFrame intersect(DataFrame other) {
        return derive(new SetOperation(SetOperation.Kind.INTERSECT, false, plan, other.plan));
    }

    public DataFrame except(DataFrame other) {
        return derive(new SetOperation(SetOperation.Kind.EXCEPT, false, plan, other.plan));
    }

    /** A column of this DataFrame, as {@code df.col("a")}: bound to this frame's column, so it stays unambiguous in a join. */
    public Column col(String name) {
        if (name.equals("*")) {
            return functions.col(name);
        }
        return new Column(Expressions.resolveName(new UnresolvedAttribute(Column.nameParts(name), null), plan.output()));
    }

    public void createOrReplaceTempView(String name) {
        session.catalog().createView(name, plan, true);
    }

    public void createTempView(String name) {
        session.catalog().createView(name, plan, false);
    }

    // ---- conversions

    /**
     * The rows as an RDD, as Spark's {@code Dataset.rdd()}: the query is planned now, and each
     * partition of the RDD runs the same partition of the plan when a job computes it.
     */
    public Rdd<Row> rdd() {
        return new QueryRdd(session.context(), session.physicalPlan(plan), schema());
    }

    /** Spark's {@code toJavaRDD()}: the same as {@link #rdd()}. */
    public Rdd<Row> javaRDD() {
        return rdd();
    }

    public Rdd<Row> toJavaRDD() {
        return rdd();
    }

    // ---- actions

    public List<Row> collectAsList() {
        List<Row> rows = new ArrayList<>();
        StructType schema = schema();
        for (List<Batch> partition : session.runQuery(session.physicalPlan(plan), session.describe(plan, "collect"))) {
            for (Batch batch : partition) {
                for (int r = 0; r < batch.rowCount(); r++) {
                    Object[] values = new Object[batch.columnCount()];
                    for (int c = 0; c < values.length; c++) {
                        values[c] = batch.column(c).getObject(r);
                    }
                    rows.add(Row.withSchema(schema, values));
                }
            }
        }
        return rows;
    }

    public Row[] collect() {
        return collectAsList().toArray(Row[]::new);
    }

    public long count() {
        Row row = derive(new dev.ember.plan.logical.Aggregate(List.of(),
                List.of(new Alias(new dev.ember.expr.aggregate.Count(dev.ember.expr.Literal.of(1), false), "count")), plan))
                .collectAsList().get(0);
        return row.getLong(0);
    }

    public List<Row> takeAsList(int n) {
        return limit(n).collectAsList();
    }

    public Row[] take(int n) {
        return takeAsList(n).toArray(Row[]::new);
    }

    public Row first() {
        List<Row> rows = takeAsList(1);
        if (rows.isEmpty()) {
            throw new java.util.NoSuchElementException("next on empty iterator");
        }
        return rows.get(0);
    }

    public Row head() {
        return first();
    }

    public Row[] head(int n) {
        return take(n);
    }

    public boolean isEmpty() {
        return takeAsList(1).isEmpty();
    }

    public void show() {
        show(20, true);
    }

    public void show(int numRows) {
        show(numRows, true);
    }

    public void show(boolean truncate) {
        show(20, truncate);
    }

    public void show(int numRows, boolean truncate) {
        show(numRows, truncate ? 20 : 0);
    }

    /** Shows the first rows, cells longer than {@code truncate} characters cut (0: whole). */
    public void show(int numRows, int truncate) {
        show(numRows, truncate, false);
    }

    /** Shows the first rows as a table, or {@code vertical}ly one record after another. */
    public void show(int numRows, int truncate, boolean vertical) {
        System.out.println(showString(numRows, truncate, vertical));
    }

    /** The text {@link #show} prints (before its final line break): the table, then a line "only showing top n rows" when there are more. */
    public String showString(int numRows, int truncate) {
        return showString(numRows, truncate, false);
    }

    public String showString(int numRows, int truncate, boolean vertical) {
        int shown = Math.max(0, numRows);
        List<Row> rows = takeAsList(shown + 1);
        List<Row> head = rows.subList(0, Math.min(shown, rows.size()));
        boolean hasMore = rows.size() > shown;
        return vertical ? ShowFormat.renderVertical(schema(), head, truncate, hasMore, shown)
                : ShowFormat.render(schema(), head, truncate, hasMore, shown);
    }

    public void explain() {
        explain(false);
    }

    public void explain(boolean extended) {
        System.out.println(explainString(extended));
    }

    /**
     * Spark's {@code explain(mode)}: {@code simple}, {@code extended}, {@code formatted} (printed as
     * extended), {@code cost} (the optimized plan with each node's estimated rows, as the optimizer
     * orders joins by them); and Ember's {@code analyze}, which runs the query and prints the plan as it ran with
     * each node's metrics (rows, exclusive time, spills, peak memory, what it read and wrote).
     */
    public void explain(String mode) {
        System.out.println(explainString(mode));
    }

    String explainString(String mode) {
        return switch (mode.toLowerCase(java.util.Locale.ROOT)) {
            case "simple" -> explainString(false);
            case "extended", "formatted" -> explainString(true);
            case "analyze" -> "== Physical Plan ==\n"
                    + session.runMeasured(session.physicalPlan(plan), session.describe(plan, "explain analyze")).plan().treeString();
            case "cost" -> session.explainCost(plan);
            case "codegen" -> throw EmberSession.unsupported("explain mode " + mode);
            default -> throw new IllegalArgumentException("Unknown explain mode: " + mode
                    + ". Accepted explain modes are 'simple', 'extended', 'codegen', 'cost', 'formatted', and Ember's 'analyze'.");
        };
    }

    String explainString(boolean extended) {
        StringBuilder out = new StringBuilder();
        if (extended) {
            out.append("== Analyzed Logical Plan ==\n")
                    .append(String.join(", ", schema().fields().stream().map(f -> f.name() + ": " + f.dataType().simpleString()).toList()))
                    .append('\n').append(plan.treeString()).append('\n');
        }
        out.append("== Physical Plan ==\n").append(session.physicalPlanWithoutRunning(plan).treeString());
        return out.toString();
    }

    public DataFrameWriter write() {
        return new DataFrameWriter(this);
    }
}
