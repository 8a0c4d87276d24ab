package dev.ember.sql;

import static java.util.Objects.requireNonNull;

import dev.ember.analysis.Expressions;
import dev.ember.expr.Alias;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.expr.SortOrder;
import dev.ember.expr.UnresolvedAttribute;
import dev.ember.parser.SqlParser;
import dev.ember.plan.logical.Distinct;
import dev.ember.plan.logical.Filter;
import dev.ember.plan.logical.Join;
import dev.ember.plan.logical.JoinType;
import dev.ember.plan.logical.Limit;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Project;
import dev.ember.plan.logical.SetOperation;
import dev.ember.plan.logical.Sort;
import dev.ember.plan.logical.Union;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
        return new DataFrame(session, session.analyzer().analyze(unresolved));
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

    /** (name, type) pairs; type names as Spark's {@code dtypes}: {@code IntegerType}, ... */
    public List<String[]> dtypes() {
        return schema().fields().stream().map(f -> new String[] {f.name(), f.dataType().simpleString()}).toList();
    }

    public void printSchema() {
        System.out.print(schema().treeString());
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

    DataFrame aggregate(List<Expression> keys, List<Expression> aggregates) {
        List<Expression> items = new ArrayList<>(keys);
        items.addAll(aggregates);
        return derive(new dev.ember.plan.logical.Aggregate(keys, items, plan));
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

    public DataFrame dropDuplicates() {
        return distinct();
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
        return new Column(Expressions.resolveAttribute(new UnresolvedAttribute(Column.nameParts(name), null), plan.output()));
    }

    public void createOrReplaceTempView(String name) {
        session.catalog().createView(name, plan, true);
    }

    public void createTempView(String name) {
        session.catalog().createView(name, plan, false);
    }

    // ---- actions

    public List<Row> collectAsList() {
        List<Row> rows = new ArrayList<>();
        StructType schema = schema();
        for (List<Batch> partition : session.run(session.physicalPlan(plan))) {
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
        System.out.print(showString(numRows, truncate ? 20 : 0));
    }

    /** The text {@link #show} prints. */
    public String showString(int numRows, int truncate) {
        List<Row> rows = takeAsList(numRows + 1);
        return ShowFormat.render(schema(), rows.subList(0, Math.min(numRows, rows.size())), truncate, rows.size() > numRows, numRows);
    }

    public void explain() {
        explain(false);
    }

    public void explain(boolean extended) {
        System.out.println(explainString(extended));
    }

    String explainString(boolean extended) {
        StringBuilder out = new StringBuilder();
        if (extended) {
            out.append("== Analyzed Logical Plan ==\n")
                    .append(String.join(", ", schema().fields().stream().map(f -> f.name() + ": " + f.dataType().simpleString()).toList()))
                    .append('\n').append(plan.treeString()).append('\n');
        }
        out.append("== Physical Plan ==\n").append(session.physicalPlan(plan).treeString());
        return out.toString();
    }

    public DataFrameWriter write() {
        return new DataFrameWriter(this);
    }
}
