package dev.ember.analysis;

import static java.util.Objects.requireNonNull;

import dev.ember.catalog.Catalog;
import dev.ember.catalog.TableCatalog;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Alias;
import dev.ember.expr.Arithmetic;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.Cast;
import dev.ember.expr.Comparison;
import dev.ember.expr.ExprId;
import dev.ember.expr.Expression;
import dev.ember.sql.types.StructType;
import dev.ember.expr.function.ElementAt;
import dev.ember.expr.UnresolvedField;
import dev.ember.expr.GetStructField;
import dev.ember.expr.Literal;
import dev.ember.expr.NamedExpression;
import dev.ember.expr.OuterReference;
import dev.ember.expr.SortOrder;
import dev.ember.expr.SubqueryExpression;
import dev.ember.expr.TimeZoneAware;
import dev.ember.expr.TryEval;
import dev.ember.expr.UnresolvedAttribute;
import dev.ember.expr.UnresolvedFunction;
import dev.ember.expr.UnresolvedStar;
import dev.ember.expr.aggregate.AggregateFunction;
import dev.ember.expr.function.Coalesce;
import dev.ember.expr.function.Explode;
import dev.ember.expr.window.WindowExpression;
import dev.ember.plan.logical.Aggregate;
import dev.ember.plan.logical.Filter;
import dev.ember.plan.logical.Generate;
import dev.ember.plan.logical.InlineTable;
import dev.ember.plan.logical.Join;
import dev.ember.plan.logical.LateralView;
import dev.ember.plan.logical.LocalRelation;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.NaturalJoin;
import dev.ember.plan.logical.Project;
import dev.ember.plan.logical.Repartition;
import dev.ember.plan.logical.SetOperation;
import dev.ember.plan.logical.Sort;
import dev.ember.plan.logical.SubqueryAlias;
import dev.ember.plan.logical.Union;
import dev.ember.plan.logical.UnresolvedRelation;
import dev.ember.plan.logical.WithCte;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.time.ZoneId;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Turns a parsed plan into a resolved one: finds the relations and columns names refer to, the
 * functions calls name, expands {@code *}, names unnamed select items as Spark does, builds
 * aggregates for SELECTs with aggregate functions, resolves ORDER BY / HAVING against columns the
 * SELECT dropped, and inserts implicit casts. Works bottom-up in one pass; every error names what
 * could not be resolved, with alternatives. Expressions that depend on the time zone
 * ({@link TimeZoneAware}) get the session's, as Spark's {@code ResolveTimeZone} gives it.
 */
public final class Analyzer {
    private final Catalog catalog;
    private final BiFunction<String, String, Optional<LogicalPlan>> pathRelations;
    private final Supplier<ZoneId> sessionZone;
    /** The columns of the enclosing queries while resolving a subquery, innermost first. */
    private final List<List<AttributeReference>> outerScopes;

    /**
     * @param pathRelations reads {@code format.`path`} references: (format, path) to a relation,
     *     empty when the format is unknown
     * @param sessionZone the session time zone at the time of analysis
     */
    public Analyzer(Catalog catalog, BiFunction<String, String, Optional<LogicalPlan>> pathRelations, Supplier<ZoneId> sessionZone) {
        this(catalog, pathRelations, sessionZone, List.of());
    }

    private Analyzer(Catalog catalog, BiFunction<String, String, Optional<LogicalPlan>> pathRelations, Supplier<ZoneId> sessionZone,
            List<List<AttributeReference>> outerScopes) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.pathRelations = requireNonNull(pathRelations, "pathRelations is null");
        this.sessionZone = requireNonNull(sessionZone, "sessionZone is null");
        this.outerScopes = List.copyOf(outerScopes);
    }

    /** An analyzer for a subquery, which may refer to the columns of the query around it. */
    private Analyzer nested(List<AttributeReference> enclosing) {
        List<List<AttributeReference>> scopes = new ArrayList<>();
        scopes.add(enclosing);
        scopes.addAll(outerScopes);
        return new Analyzer(catalog, pathRelations, sessionZone, scopes);
    }

    public LogicalPlan analyze(LogicalPlan plan) {
        LogicalPlan resolved = inSessionZone(GroupingAnalytics.expandAll(resolve(plan, Map.of())));
        if (!resolved.resolved()) {
            throw EmberException.internal("the analyzer left unresolved nodes:\n" + resolved.treeString(), null);
        }
        return OrderableTypes.check(resolved);
    }

    private LogicalPlan resolve(LogicalPlan plan, Map<String, LogicalPlan> ctes) {
        if (plan instanceof WithCte with) {
            Map<String, LogicalPlan> scope = new HashMap<>(ctes);
            for (WithCte.Definition definition : with.definitions()) {
                scope.put(definition.name().toLowerCase(Locale.ROOT), resolve(definition.plan(), scope));
            }
            return resolve(with.body(), scope);
        }
        if (plan instanceof UnresolvedRelation relation) {
            return resolveRelation(relation, ctes);
        }
        if (plan instanceof InlineTable table) {
            return resolveInlineTable(table);
        }
        List<LogicalPlan> children = new ArrayList<>();
        for (LogicalPlan child : plan.children()) {
            children.add(resolve(child, ctes));
        }
        return resolveOver(plan.withNewChildren(children), ctes);
    }

    /**
     * Resolves a node the DataFrame API built on top of analyzed plans: the children are kept as
     * they are (the same objects, which is what {@code cache()} finds them by).
     */
    public LogicalPlan analyzeOver(LogicalPlan node) {
        LogicalPlan resolved = inSessionZone(GroupingAnalytics.expandAll(resolveOver(node, Map.of())));
        if (!resolved.resolved()) {
            throw EmberException.internal("the analyzer left unresolved nodes:\n" + resolved.treeString(), null);
        }
        return OrderableTypes.check(resolved);
    }

    /** Resolves one node whose children are resolved. */
    private LogicalPlan resolveOver(LogicalPlan node, Map<String, LogicalPlan> ctes) {
        if (node instanceof Project project) {
            return resolveProject(project, ctes);
        }
        if (node instanceof Aggregate aggregate) {
            return resolveAggregate(aggregate, ctes);
        }
        if (node instanceof Filter filter) {
            return resolveFilter(filter, ctes);
        }
        if (node instanceof Sort sort) {
            return resolveSort(sort, ctes);
        }
        if (node instanceof NaturalJoin natural) {
            return resolveJoin(natural.toUsingJoin(), ctes);
        }
        if (node instanceof Join join) {
            return resolveJoin(join, ctes);
        }
        if (node instanceof Union union) {
            return resolveUnion(union);
        }
        if (node instanceof LateralView view) {
            return resolveLateralView(view, ctes);
        }
        if (node instanceof Repartition repartition) {
            List<Expression> keys = repartition.keys().stream().map(k -> resolveExpression(k, repartition.child().output(), ctes)).toList();
            return new Repartition(repartition.partitions(), keys, repartition.shuffle(), repartition.child());
        }
        if (node instanceof SetOperation setOperation) {
            return coerceSetInputs(setOperation, "INTERSECT/EXCEPT");
        }
        return node;
    }

    // ---- relations

    private LogicalPlan resolveRelation(UnresolvedRelation relation, Map<String, LogicalPlan> ctes) {
        List<String> parts = relation.nameParts();
        String name = parts.get(parts.size() - 1);
        LogicalPlan found = null;
        if (parts.size() == 1) {
            found = ctes.get(name.toLowerCase(Locale.ROOT));
            if (found == null) {
                found = catalog.relation(name).orElse(null);
            }
        } else if (parts.size() == 2 && parts.get(0).equalsIgnoreCase(TableCatalog.DATABASE)) {
            found = catalog.table(name).orElse(null);
        } else if (parts.size() == 2) {
            found = pathRelations.apply(parts.get(0).toLowerCase(Locale.ROOT), parts.get(1)).orElse(null);
        } else if (parts.size() == 3 && parts.get(0).equalsIgnoreCase("spark_catalog") && parts.get(1).equalsIgnoreCase(TableCatalog.DATABASE)) {
            found = catalog.table(name).orElse(null);
        }
        if (found == null) {
            throw EmberException.of(ErrorClass.TABLE_OR_VIEW_NOT_FOUND, "name", "`" + String.join("`.`", parts) + "`",
                    "suggestion", " Verify the spelling and correctness of the schema and catalog.")
                    .at(relation.position());
        }
        return new SubqueryAlias(name, freshOutput(found));
    }

    /** A new identity for each column, so that a relation used twice (a self-join) has distinct columns. */
    private static LogicalPlan freshOutput(LogicalPlan plan) {
        List<Expression> aliases = new ArrayList<>();
        for (AttributeReference attribute : plan.output()) {
            aliases.add(new Alias(attribute, attribute.name()));
        }
        return new Project(aliases, plan);
    }

    private LogicalPlan resolveInlineTable(InlineTable table) {
        int width = table.rows().get(0).size();
        List<List<Expression>> rows = new ArrayList<>();
        for (List<Expression> row : table.rows()) {
            if (row.size() != width) {
                throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "VALUES", "function", "inline table",
                        "detail", "expected " + width + " values per row but found " + row.size());
            }
            List<Expression> resolvedRow = new ArrayList<>();
            for (Expression value : row) {
                Expression resolved = resolveExpression(value, List.of(), Map.of());
                if (!resolved.foldable()) {
                    throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "VALUES", "function", "inline table",
                            "detail", "cannot evaluate the non-constant expression " + resolved);
                }
                resolvedRow.add(resolved);
            }
            rows.add(resolvedRow);
        }
        List<AttributeReference> output = new ArrayList<>();
        List<DataType> types = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            int column = c;
            List<Expression> columnValues = rows.stream().map(r -> r.get(column)).toList();
            DataType type = TypeCoercion.commonType(columnValues, columnValues.get(0));
            types.add(type);
            boolean nullable = columnValues.stream().anyMatch(Expression::nullable);
            String name = c < table.columnNames().size() ? table.columnNames().get(c) : "col" + (c + 1);
            output.add(AttributeReference.create(name, type, nullable));
        }
        Batch oneRow = new Batch(List.of(), 1);
        List<List<Object>> values = new ArrayList<>();
        for (List<Expression> row : rows) {
            List<Object> rowValues = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                ColumnVector vector = inSessionZone(TypeCoercion.castTo(row.get(c), types.get(c))).eval(oneRow);
                rowValues.add(vector.getObject(0));
            }
            values.add(rowValues);
        }
        return new LocalRelation(output, values);
    }

    // ---- projections and aggregation

    private LogicalPlan resolveProject(Project project, Map<String, LogicalPlan> ctes) {
        LogicalPlan child = project.child();
        List<Expression> items = namedItems(expandStars(project.projectList(), child.output()), child.output(), ctes);
        for (Expression item : items) {
            requireInputColumns(item, child.output(), "Project " + items);
        }
        items.forEach(WindowExtraction::requireOver);
        if (items.stream().anyMatch(Analyzer::containsAggregate)) {
            return withWindows(checkAggregate(new Aggregate(List.of(), items, child)));
        }
        if (items.stream().anyMatch(WindowExtraction::containsWindow)) {
            return WindowExtraction.project(items, child);
        }
        List<Expression> generators = items.stream().filter(e -> e.anyMatch(x -> x instanceof Explode)).toList();
        if (!generators.isEmpty()) {
            return planGenerate(items, generators, child);
        }
        return new Project(items, child);
    }

    private LogicalPlan planGenerate(List<Expression> items, List<Expression> generators, LogicalPlan child) {
        if (generators.size() > 1) {
            throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "more than one generator in a SELECT clause");
        }
        Expression item = generators.get(0);
        Expression inner = item instanceof Alias alias ? alias.child() : item;
        if (!(inner instanceof Explode explode)) {
            throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "a generator nested in an expression: " + item);
        }
        String name = item instanceof Alias alias && !alias.name().equals(explode.toString()) && !explode.ofMap() ? alias.name() : null;
        List<AttributeReference> generated = generatorOutput(explode, name == null ? List.of() : List.of(name), List.of());
        Generate generate = new Generate(explode, generated, child);
        List<Expression> output = new ArrayList<>();
        for (Expression e : items) {
            if (e == item) {
                output.addAll(generated);
            } else {
                output.add(e);
            }
        }
        return new Project(output, generate);
    }

    /** {@code LATERAL VIEW [OUTER] explode(..) t AS a, b}: a Generate whose columns take the given names under {@code t}. */
    private LogicalPlan resolveLateralView(LateralView view, Map<String, LogicalPlan> ctes) {
        Expression resolved = resolveExpression(view.generator(), view.child().output(), ctes);
        if (!(resolved instanceof Explode explode)) {
            throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "LATERAL VIEW of " + resolved + ", which is not a generator");
        }
        Explode generator = view.outer() ? explode.asOuter() : explode;
        return new Generate(generator, generatorOutput(generator, view.columnNames(), List.of(view.tableAlias())), view.child());
    }

    /**
     * The columns a generator adds: {@code pos} for posexplode, then {@code col} for an array's elements or
     * {@code key} and {@code value} for a map's entries; {@code names}, when given, replace the last ones
     * (a select item's alias names the element column) or all of them (a LATERAL VIEW's AS list).
     */
    private static List<AttributeReference> generatorOutput(Explode explode, List<String> names, List<String> qualifier) {
        List<String> defaults = new ArrayList<>();
        List<DataType> types = new ArrayList<>();
        List<Boolean> nullable = new ArrayList<>();
        if (explode.withPosition()) {
            defaults.add("pos");
            types.add(AtomicType.INT);
            nullable.add(explode.outer());
        }
        if (explode.ofMap()) {
            MapType map = (MapType) explode.arguments().get(0).dataType();
            defaults.addAll(List.of("key", "value"));
            types.addAll(List.of(map.keyType(), map.valueType()));
            nullable.addAll(List.of(explode.outer(), explode.outer() || map.valueContainsNull()));
        } else {
            defaults.add("col");
            types.add(explode.dataType());
            nullable.add(true);
        }
        if (qualifier.isEmpty() && names.size() == 1) {
            defaults.set(defaults.size() - 1, names.get(0));
        } else if (!names.isEmpty()) {
            if (names.size() != defaults.size()) {
                throw EmberException.of(ErrorClass.UDTF_ALIAS_NUMBER_MISMATCH, "aliasesNum", String.valueOf(defaults.size()),
                        "aliasesSize", String.valueOf(names.size()));
            }
            defaults = names;
        }
        List<AttributeReference> output = new ArrayList<>();
        for (int c = 0; c < defaults.size(); c++) {
            output.add(new AttributeReference(defaults.get(c), types.get(c), nullable.get(c), ExprId.next(), qualifier));
        }
        return output;
    }

    private LogicalPlan resolveAggregate(Aggregate aggregate, Map<String, LogicalPlan> ctes) {
        LogicalPlan child = aggregate.child();
        List<Expression> items = namedItems(expandStars(aggregate.aggregates(), child.output()), child.output(), ctes);
        List<Expression> groupings = new ArrayList<>();
        for (Expression grouping : aggregate.groupings()) {
            groupings.add(resolveGrouping(grouping, items, child.output(), ctes));
        }
        items.forEach(WindowExtraction::requireOver);
        return withWindows(checkAggregate(new Aggregate(groupings, items, child)));
    }

    /** The aggregate, or the windows over it when its items hold window expressions. */
    private static LogicalPlan withWindows(Aggregate aggregate) {
        return aggregate.aggregates().stream().anyMatch(WindowExtraction::containsWindow) ? WindowExtraction.aggregate(aggregate) : aggregate;
    }

    /** GROUP BY 1 means the first select item; GROUP BY name may name a select item's alias. */
    private Expression resolveGrouping(Expression grouping, List<Expression> items, List<AttributeReference> input,
            Map<String, LogicalPlan> ctes) {
        if (grouping instanceof Literal literal && literal.value() instanceof Integer position) {
            if (position < 1 || position > items.size()) {
                throw EmberException.of(ErrorClass.GROUP_BY_POS_OUT_OF_RANGE, "index", position, "size", items.size());
            }
            Expression item = items.get(position - 1);
            if (containsAggregate(item)) {
                throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "GROUP BY position " + position
                        + " refers to an aggregate function " + item);
            }
            return item instanceof Alias alias ? alias.child() : item;
        }
        try {
            return resolveExpression(grouping, input, ctes);
        } catch (EmberException e) {
            if (grouping instanceof UnresolvedAttribute attribute && attribute.nameParts().size() == 1) {
                for (Expression item : items) {
                    if (item instanceof Alias alias && alias.name().equalsIgnoreCase(attribute.name()) && !containsAggregate(alias.child())) {
                        return alias.child();
                    }
                }
            }
            throw e;
        }
    }

    /** Every column used outside an aggregate function must be grouped. */
    private static Aggregate checkAggregate(Aggregate aggregate) {
        List<String> groupingKeys = aggregate.groupings().stream().map(Expressions::canonical).toList();
        for (Expression item : aggregate.aggregates()) {
            for (AttributeReference attribute : ungroupedColumns(item, groupingKeys)) {
                throw EmberException.of(ErrorClass.MISSING_AGGREGATION, "expression", "\"" + attribute + "\"");
            }
        }
        return aggregate;
    }

    /**
     * The columns an item reads outside grouping keys and aggregate functions. An aggregate computed
     * over a window ({@code sum(b) OVER ()}) reads its input after grouping, so its arguments count.
     */
    private static List<AttributeReference> ungroupedColumns(Expression expression, List<String> groupingKeys) {
        if (groupingKeys.contains(Expressions.canonical(expression)) || expression instanceof AggregateFunction) {
            return List.of();
        }
        if (expression instanceof AttributeReference attribute) {
            return List.of(attribute);
        }
        List<Expression> parts = new ArrayList<>(expression.children());
        if (expression instanceof WindowExpression window) {
            parts = new ArrayList<>(window.function().children());
            parts.addAll(window.partitionBy());
            parts.addAll(window.orderBy());
        }
        List<AttributeReference> columns = new ArrayList<>();
        for (Expression part : parts) {
            columns.addAll(ungroupedColumns(part, groupingKeys));
        }
        return columns;
    }

    /** Whether the expression aggregates rows; an aggregate computed over a window ({@code sum(x) OVER w}) does not. */
    static boolean containsAggregate(Expression expression) {
        if (expression instanceof WindowExpression window) {
            List<Expression> inputs = new ArrayList<>(window.function().children());
            inputs.addAll(window.partitionBy());
            inputs.addAll(window.orderBy());
            return inputs.stream().anyMatch(Analyzer::containsAggregate);
        }
        return expression instanceof AggregateFunction || expression.children().stream().anyMatch(Analyzer::containsAggregate);
    }

    // ---- filters and sorts, which may need columns the SELECT dropped

    private LogicalPlan resolveFilter(Filter filter, Map<String, LogicalPlan> ctes) {
        LogicalPlan child = filter.child();
        if (child instanceof Aggregate aggregate) {
            return resolveOverAggregate(filter.condition(), aggregate, ctes,
                    (condition, newChild) -> new Filter(requireBoolean(condition), newChild));
        }
        Expression condition = requireBoolean(resolveExpression(filter.condition(), child.output(), ctes));
        List<AttributeReference> missing = missingColumns(condition, child.output());
        if (!missing.isEmpty() && child instanceof Project project && project.child().output().containsAll(missing)) {
            // df.withColumnRenamed("k", "key").filter(df.col("k") > 1): as Spark, the column the projection
            // dropped is carried up to the filter, then projected away.
            List<Expression> widened = new ArrayList<>(project.projectList());
            widened.addAll(missing);
            return new Project(new ArrayList<>(project.output()), new Filter(condition, new Project(widened, project.child())));
        }
        requireInputColumns(condition, child.output(), "Filter " + condition);
        return new Filter(condition, child);
    }

    private static Expression requireBoolean(Expression condition) {
        DataType type = condition.dataType();
        if (type != AtomicType.BOOLEAN && type != AtomicType.NULL) {
            throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + condition + "\"",
                    "detail", "filter expression " + condition + " of type \"" + type.simpleString().toUpperCase() + "\" is not a boolean");
        }
        return TypeCoercion.castTo(condition, AtomicType.BOOLEAN);
    }

    private LogicalPlan resolveSort(Sort sort, Map<String, LogicalPlan> ctes) {
        LogicalPlan child = sort.child();
        List<AttributeReference> output = child.output();
        List<SortOrder> order = new ArrayList<>();
        boolean allResolved = true;
        for (SortOrder key : sort.order()) {
            Expression target = key.child();
            if (target instanceof Literal literal && literal.value() instanceof Integer position) {
                if (position < 1 || position > output.size()) {
                    throw EmberException.of(ErrorClass.ORDER_BY_POS_OUT_OF_RANGE, "index", position, "size", output.size());
                }
                order.add(new SortOrder(output.get(position - 1), key.ascending(), key.nullsFirst()));
                continue;
            }
            Optional<Expression> resolved = tryResolve(target, output, ctes);
            if (resolved.isPresent() && !containsAggregate(resolved.get())) {
                order.add(new SortOrder(resolved.get(), key.ascending(), key.nullsFirst()));
            } else {
                allResolved = false;
                order.add(key);
            }
        }
        if (allResolved) {
            return new Sort(order, sort.global(), child);
        }
        // ORDER BY refers to columns or aggregates the SELECT does not output: add them below and project them away.
        if (child instanceof Aggregate aggregate) {
            return resolveOverAggregate(new SortKeys(order), aggregate, ctes,
                    (keys, newChild) -> new Sort(((SortKeys) keys).keys(), sort.global(), newChild));
        }
        if (child instanceof Project project) {
            List<SortOrder> resolvedOrder = new ArrayList<>();
            List<Expression> extra = new ArrayList<>();
            for (SortOrder key : order) {
                if (key.resolved()) {
                    resolvedOrder.add(key);
                    continue;
                }
                Expression expression = resolveExpression(key.child(), project.child().output(), ctes);
                for (AttributeReference attribute : expression.collect(AttributeReference.class)) {
                    if (!project.output().contains(attribute) && !extra.contains(attribute)) {
                        extra.add(attribute);
                    }
                }
                resolvedOrder.add(new SortOrder(expression, key.ascending(), key.nullsFirst()));
            }
            List<Expression> widened = new ArrayList<>(project.projectList());
            widened.addAll(extra);
            return new Project(new ArrayList<>(project.output()), new Sort(resolvedOrder, sort.global(), new Project(widened, project.child())));
        }
        for (SortOrder key : order) {
            resolveExpression(key.child(), output, ctes);
        }
        throw EmberException.internal("could not resolve ORDER BY " + order, null);
    }

    /** A list of sort keys traveling as one expression through {@link #resolveOverAggregate}. */
    private static final class SortKeys extends Expression {
        private static final long serialVersionUID = 1L;
        private final List<SortOrder> keys;

        SortKeys(List<SortOrder> keys) {
            this.keys = List.copyOf(keys);
        }

        List<SortOrder> keys() {
            return keys;
        }

        @Override
        public List<Expression> children() {
            return List.copyOf(keys);
        }

        @Override
        public Expression withNewChildren(List<Expression> children) {
            return new SortKeys(children.stream().map(SortOrder.class::cast).toList());
        }

        @Override
        public DataType dataType() {
            return AtomicType.NULL;
        }

        @Override
        public String toString() {
            return keys.toString();
        }
    }

    /**
     * Resolves HAVING / ORDER BY over an aggregate: names may refer to the aggregate's output
     * (aliases) or to its input, and aggregate functions there are computed by the aggregate as
     * hidden columns, projected away after the filter or sort.
     */
    private LogicalPlan resolveOverAggregate(Expression expression, Aggregate aggregate, Map<String, LogicalPlan> ctes,
            BiFunction<Expression, LogicalPlan, LogicalPlan> build) {
        List<AttributeReference> aggregateOutput = aggregate.output();
        List<Expression> hidden = new ArrayList<>();
        Map<String, AttributeReference> byKey = new LinkedHashMap<>();
        for (Expression item : aggregate.aggregates()) {
            Expression inner = item instanceof Alias alias ? alias.child() : item;
            byKey.put(Expressions.canonical(inner), ((NamedExpression) item).toAttribute());
        }
        Expression resolved = expression.transformUp(e -> {
            if (e instanceof SortOrder || e instanceof SortKeys || e.resolved()) {
                return e;
            }
            if (e instanceof UnresolvedAttribute attribute) {
                Optional<Expression> fromOutput = tryResolve(attribute, aggregateOutput, ctes);
                if (fromOutput.isPresent()) {
                    return fromOutput.get();
                }
                return resolveExpression(attribute, aggregate.child().output(), ctes);
            }
            return resolveNode(e, aggregate.child().output(), ctes);
        });
        resolved = resolved.transformUp(TypeCoercion::coerce);
        List<String> groupingKeys = aggregate.groupings().stream().map(Expressions::canonical).toList();
        Expression rewritten = resolved.transformDown(e -> {
            if (e instanceof AggregateFunction || groupingKeys.contains(Expressions.canonical(e)) && !(e instanceof AttributeReference
                    && aggregateOutput.contains(e))) {
                String key = Expressions.canonical(e);
                AttributeReference existing = byKey.get(key);
                if (existing == null) {
                    Alias alias = new Alias(e, e.toString());
                    hidden.add(alias);
                    existing = alias.toAttribute();
                    byKey.put(key, existing);
                }
                return existing;
            }
            return e;
        });
        if (hidden.isEmpty()) {
            return build.apply(rewritten, aggregate);
        }
        List<Expression> widened = new ArrayList<>(aggregate.aggregates());
        widened.addAll(hidden);
        Aggregate wider = checkAggregate(new Aggregate(aggregate.groupings(), widened, aggregate.child()));
        return new Project(new ArrayList<>(aggregateOutput), build.apply(rewritten, wider));
    }

    // ---- joins and set operations

    private LogicalPlan resolveJoin(Join unresolved, Map<String, LogicalPlan> ctes) {
        Join join = withDistinctSides(unresolved);
        if (!join.usingColumns().isEmpty()) {
            return resolveUsingJoin(join);
        }
        if (join.condition() == null) {
            return join;
        }
        List<AttributeReference> both = new ArrayList<>(join.left().output());
        both.addAll(join.right().output());
        Expression condition = requireBoolean(resolveExpression(join.condition(), both, ctes));
        requireInputColumns(condition, both, "Join " + join.joinType());
        return new Join(join.left(), join.right(), join.joinType(), condition);
    }

    /**
     * Fails when an expression holds a column of neither input, as a DataFrame column can be:
     * {@code renamed.join(other, df.col("k")...)} after {@code df.withColumnRenamed("k", ...)}.
     */
    private static void requireInputColumns(Expression expression, List<AttributeReference> input, String operator) {
        List<AttributeReference> missing = missingColumns(expression, input);
        if (missing.isEmpty()) {
            return;
        }
        Set<String> inputNames = new HashSet<>();
        input.forEach(a -> inputNames.add(a.name()));
        List<String> sameNames = missing.stream().map(AttributeReference::name).filter(inputNames::contains).map(Analyzer::quoted).toList();
        throw EmberException.of(ErrorClass.MISSING_ATTRIBUTES,
                "missingAttributes", String.join(", ", missing.stream().map(a -> quoted(a.name())).toList()),
                "input", String.join(", ", input.stream().map(a -> quoted(a.name())).toList()),
                "operator", operator + ", " + expression,
                "hint", sameNames.isEmpty() ? "" : " Attribute(s) with the same name appear in the operation: " + String.join(", ", sameNames) + ". Please check if the right attribute(s) are used.");
    }

    /** The columns an expression reads that its input does not have. */
    private static List<AttributeReference> missingColumns(Expression expression, List<AttributeReference> input) {
        Set<ExprId> available = new HashSet<>();
        input.forEach(a -> available.add(a.exprId()));
        return expression.collect(AttributeReference.class).stream().filter(a -> !available.contains(a.exprId())).distinct().toList();
    }

    private static String quoted(String name) {
        return "\"" + name + "\"";
    }

    /**
     * The join with new identities for the right side's columns that the left side also has, as when
     * a frame is joined with one derived from it: otherwise a condition on them could not tell the
     * sides apart.
     */
    private static Join withDistinctSides(Join join) {
        Set<ExprId> leftIds = new HashSet<>();
        join.left().output().forEach(a -> leftIds.add(a.exprId()));
        List<AttributeReference> right = join.right().output();
        if (right.stream().noneMatch(a -> leftIds.contains(a.exprId()))) {
            return join;
        }
        List<Expression> renamed = new ArrayList<>();
        Map<ExprId, AttributeReference> renamedById = new HashMap<>();
        for (AttributeReference attribute : right) {
            if (leftIds.contains(attribute.exprId())) {
                Alias alias = new Alias(attribute, attribute.name());
                renamed.add(alias);
                renamedById.put(attribute.exprId(), alias.toAttribute());
            } else {
                renamed.add(attribute);
            }
        }
        // df.join(derived, df.col("k").equalTo(derived.col("k"))): both sides hold the same column; as
        // in Spark, such an equality compares the left's column with the right's.
        Expression condition = join.condition() == null ? null : join.condition().transformUp(e -> {
            if (e instanceof Comparison comparison && comparison.left() instanceof AttributeReference l
                    && comparison.right() instanceof AttributeReference r && l.exprId().equals(r.exprId())
                    && renamedById.containsKey(r.exprId())) {
                return new Comparison(comparison.operator(), l, renamedById.get(r.exprId()));
            }
            return e;
        });
        return new Join(join.left(), new Project(renamed, join.right()), join.joinType(), condition, join.usingColumns());
    }

    /** {@code USING (k)}: equality on k, and k once in the output (coalesced for full joins), then the other columns. */
    private LogicalPlan resolveUsingJoin(Join join) {
        Expression condition = null;
        List<Expression> keys = new ArrayList<>();
        List<AttributeReference> leftKeys = new ArrayList<>();
        List<AttributeReference> rightKeys = new ArrayList<>();
        for (String name : join.usingColumns()) {
            AttributeReference left = findUsingColumn(name, join.left(), "left");
            AttributeReference right = findUsingColumn(name, join.right(), "right");
            leftKeys.add(left);
            rightKeys.add(right);
            Expression equal = TypeCoercion.coerce(new dev.ember.expr.Comparison(dev.ember.expr.Comparison.Operator.EQUAL, left, right));
            condition = condition == null ? equal : new dev.ember.expr.And(condition, equal);
            keys.add(switch (join.joinType()) {
                case RIGHT_OUTER -> right;
                case FULL_OUTER -> new Alias(new Coalesce(List.of(left, right)).transformUp(TypeCoercion::coerce), left.name());
                default -> left;
            });
        }
        Join resolved = new Join(join.left(), join.right(), join.joinType(), condition);
        List<Expression> output = new ArrayList<>(keys);
        List<AttributeReference> joined = resolved.output();
        for (AttributeReference attribute : joined) {
            boolean isLeftKey = leftKeys.stream().anyMatch(k -> k.exprId().equals(attribute.exprId()));
            boolean isRightKey = rightKeys.stream().anyMatch(k -> k.exprId().equals(attribute.exprId()));
            if (!isLeftKey && !isRightKey) {
                output.add(attribute);
            }
        }
        // Keys come from the join output so that they carry its nullability.
        List<Expression> withNullability = new ArrayList<>();
        for (Expression e : output) {
            if (e instanceof AttributeReference attribute) {
                withNullability.add(joined.stream().filter(a -> a.exprId().equals(attribute.exprId())).findFirst().orElse(attribute));
            } else {
                withNullability.add(e);
            }
        }
        return new Project(withNullability, resolved);
    }

    private static AttributeReference findUsingColumn(String name, LogicalPlan side, String sideName) {
        return side.output().stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> EmberException.of(ErrorClass.UNRESOLVED_COLUMN, "name", "`" + name + "`",
                        "suggestion", " USING column cannot be resolved on the " + sideName + " side of the join. The "
                                + sideName + "-side columns: " + Expressions.quotedNames(side.output()) + "."));
    }

    private LogicalPlan resolveUnion(Union union) {
        List<LogicalPlan> inputs = union.children();
        if (union.byName()) {
            // The first input's columns in its order; with allowMissingColumns, then the later inputs' other columns.
            List<AttributeReference> wantedColumns = new ArrayList<>(inputs.get(0).output());
            if (union.allowMissingColumns()) {
                for (LogicalPlan input : inputs.subList(1, inputs.size())) {
                    for (AttributeReference attribute : input.output()) {
                        if (findByName(wantedColumns, attribute.name()).isEmpty()) {
                            wantedColumns.add(attribute);
                        }
                    }
                }
            }
            List<LogicalPlan> reordered = new ArrayList<>();
            for (LogicalPlan input : inputs) {
                if (!union.allowMissingColumns() && input.output().size() != wantedColumns.size()) {
                    throw EmberException.of(ErrorClass.NUM_COLUMNS_MISMATCH, "operator", "UNION", "firstNumColumns", wantedColumns.size(),
                            "invalidOrdinalNum", ordinal(inputs.indexOf(input) + 1), "invalidNumColumns", input.output().size());
                }
                List<Expression> columns = new ArrayList<>();
                for (AttributeReference wanted : wantedColumns) {
                    Optional<AttributeReference> match = findByName(input.output(), wanted.name());
                    if (match.isPresent()) {
                        columns.add(match.get());
                    } else if (union.allowMissingColumns()) {
                        columns.add(new Alias(new Literal(null, wanted.dataType()), wanted.name()));
                    } else {
                        throw EmberException.of(ErrorClass.UNRESOLVED_COLUMN, "name", "`" + wanted.name() + "`",
                                "suggestion", " Cannot resolve column name in unionByName among " + Expressions.quotedNames(input.output()) + ".");
                    }
                }
                reordered.add(columns.equals(input.output()) ? input : new Project(columns, input));
            }
            inputs = reordered;
        }
        return coerceSetInputs(new Union(inputs, false, false), "UNION");
    }

    private static Optional<AttributeReference> findByName(List<AttributeReference> attributes, String name) {
        return attributes.stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
    }

    private LogicalPlan coerceSetInputs(LogicalPlan node, String operator) {
        List<LogicalPlan> inputs = node.children();
        int width = inputs.get(0).output().size();
        for (int i = 1; i < inputs.size(); i++) {
            int otherWidth = inputs.get(i).output().size();
            if (otherWidth != width) {
                throw EmberException.of(ErrorClass.NUM_COLUMNS_MISMATCH, "operator", operator, "firstNumColumns", width,
                        "invalidOrdinalNum", ordinal(i + 1), "invalidNumColumns", otherWidth);
            }
        }
        List<DataType> types = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            int column = c;
            List<Expression> columnAttributes = inputs.stream().map(p -> (Expression) p.output().get(column)).toList();
            types.add(TypeCoercion.commonType(columnAttributes, columnAttributes.get(0)));
        }
        List<LogicalPlan> cast = new ArrayList<>();
        boolean changed = false;
        for (LogicalPlan input : inputs) {
            List<AttributeReference> output = input.output();
            boolean needs = false;
            List<Expression> columns = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                AttributeReference attribute = output.get(c);
                if (attribute.dataType().equals(types.get(c))) {
                    columns.add(attribute);
                } else {
                    needs = true;
                    columns.add(new Alias(TypeCoercion.castTo(attribute, types.get(c)), attribute.name()));
                }
            }
            cast.add(needs ? new Project(columns, input) : input);
            changed |= needs;
        }
        return changed ? node.withNewChildren(cast) : node;
    }

    private static String ordinal(int n) {
        return switch (n) {
            case 2 -> "second";
            case 3 -> "third";
            default -> n + "th";
        };
    }

    // ---- expressions

    private List<Expression> expandStars(List<Expression> items, List<AttributeReference> input) {
        List<Expression> expanded = new ArrayList<>();
        for (Expression item : items) {
            if (item instanceof UnresolvedStar star) {
                List<AttributeReference> matching = star.qualifier().isEmpty() ? input
                        : input.stream().filter(a -> Expressions.qualifierMatches(a, star.qualifier())).toList();
                if (matching.isEmpty() && !star.qualifier().isEmpty() && structFields(star, input, expanded)) {
                    continue;
                }
                if (matching.isEmpty() && !star.qualifier().isEmpty()) {
                    throw EmberException.of(ErrorClass.UNRESOLVED_COLUMN, "name", "`" + String.join(".", star.qualifier()) + ".*`",
                            "suggestion", " Did you mean one of the following? " + Expressions.quotedNames(input) + ".");
                }
                expanded.addAll(matching);
            } else {
                expanded.add(item);
            }
        }
        return expanded;
    }

    /** {@code s.*} for a struct column {@code s}: its fields, each named as the field; false when the qualifier is not a struct. */
    private static boolean structFields(UnresolvedStar star, List<AttributeReference> input, List<Expression> expanded) {
        Expression struct;
        try {
            struct = Expressions.resolveName(new UnresolvedAttribute(star.qualifier(), null), input);
        } catch (EmberException notAColumn) {
            return false;
        }
        if (!(struct.dataType() instanceof StructType type)) {
            return false;
        }
        for (int f = 0; f < type.size(); f++) {
            expanded.add(new Alias(new GetStructField(struct, f), type.field(f).name()));
        }
        return true;
    }

    /**
     * Resolves select items and names the unnamed ones as Spark does: with their text
     * ({@code (a + 1)}), a column with its name as written ({@code ID} for column {@code id}), a
     * cast of a column with the column's name.
     */
    private List<Expression> namedItems(List<Expression> items, List<AttributeReference> input, Map<String, LogicalPlan> ctes) {
        List<Expression> named = new ArrayList<>();
        for (Expression item : items) {
            Expression resolved = resolveNames(item, input, ctes);
            Expression withName;
            if (item instanceof UnresolvedAttribute written && resolved instanceof AttributeReference column
                    && !column.name().equals(written.nameParts().get(written.nameParts().size() - 1))) {
                withName = new Alias(resolved, written.nameParts().get(written.nameParts().size() - 1));
            } else if (item instanceof UnresolvedAttribute written && !(resolved instanceof NamedExpression)
                    && !(resolved instanceof OuterReference)) {
                // A field reached through a column name (s.a, arr.a, m.k) is named after its last part, as Spark aliases it.
                withName = new Alias(resolved, written.nameParts().get(written.nameParts().size() - 1));
            } else if (resolved instanceof NamedExpression) {
                withName = resolved;
            } else if (castOfColumn(resolved) instanceof NamedExpression column) {
                withName = new Alias(resolved, column.name());
            } else {
                withName = new Alias(resolved, resolved.toString());
            }
            named.add(withName.transformUp(TypeCoercion::coerce));
        }
        return named;
    }

    /** The column that {@code CAST(column AS t)} or {@code TRY_CAST(column AS t)} casts, else null. */
    private static Expression castOfColumn(Expression expression) {
        Expression cast = expression instanceof TryEval tryEval ? tryEval.child() : expression;
        return cast instanceof Cast c && c.child() instanceof NamedExpression ? c.child() : null;
    }

    /** Resolves names and functions, then inserts casts. */
    public Expression resolveExpression(Expression expression, List<AttributeReference> input, Map<String, LogicalPlan> ctes) {
        return resolveNames(expression, input, ctes).transformUp(TypeCoercion::coerce);
    }

    /** The expression resolved against {@code input} alone (not an enclosing query's columns), if it can be. */
    private Optional<Expression> tryResolve(Expression expression, List<AttributeReference> input, Map<String, LogicalPlan> ctes) {
        try {
            Expression resolved = resolveExpression(expression, input, ctes);
            if (resolved.anyMatch(e -> e instanceof OuterReference) && !expression.anyMatch(e -> e instanceof OuterReference)) {
                return Optional.empty();
            }
            return Optional.of(resolved);
        } catch (EmberException e) {
            if (e.errorClass() == ErrorClass.UNRESOLVED_COLUMN) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Expression resolveNames(Expression expression, List<AttributeReference> input, Map<String, LogicalPlan> ctes) {
        // Zones first, as names depend on them: a timestamp literal is named in the session's zone.
        return expression.transformUp(e -> zoneOf(resolveNode(e, input, ctes)));
    }

    // ---- the session time zone

    /** The node in the session's zone if it still needs one (its children are not looked at). */
    private Expression zoneOf(Expression node) {
        return node instanceof TimeZoneAware aware && aware.needsZone() ? aware.withZone(sessionZone.get()) : node;
    }

    private Expression inSessionZone(Expression expression) {
        return expression.transformUp(e -> {
            if (e instanceof SubqueryExpression subquery) {
                LogicalPlan plan = inSessionZone(subquery.plan());
                return plan == subquery.plan() ? e : subquery.withPlan(plan);
            }
            return zoneOf(e);
        });
    }

    /**
     * The plan with every expression that needs a zone in the session's, also the casts coercion
     * added after naming; unchanged nodes stay the same objects (which {@code cache()} relies on).
     */
    private LogicalPlan inSessionZone(LogicalPlan plan) {
        return plan.transformUp(node -> node.mapExpressions(this::inSessionZone));
    }

    private Expression resolveNode(Expression e, List<AttributeReference> input, Map<String, LogicalPlan> ctes) {
        if (e instanceof UnresolvedAttribute attribute) {
            return resolveAttribute(attribute, input);
        }
        if (e instanceof AttributeReference attribute) {
            // A column the DataFrame API resolved early (df.col("a")): take the input's version, which has its nullability.
            return input.stream().filter(a -> a.exprId().equals(attribute.exprId())).findFirst().orElse(attribute);
        }
        if (e instanceof UnresolvedFunction call) {
            if (!call.children().stream().allMatch(Expression::resolved)) {
                return call;
            }
            // The arguments stay as written (casts come after naming), so that the call's text is Spark's column name.
            return FilterClause.apply(FunctionRegistry.resolve(call, call.arguments()), call);
        }
        if (e instanceof SubqueryExpression subquery && !subquery.plan().resolved()) {
            return subquery.withPlan(GroupingAnalytics.expandAll(nested(input).resolve(subquery.plan(), ctes)));
        }
        if (e instanceof WindowExpression window && window.resolved()) {
            // The frame Spark gives is part of the column's name, so it is settled before naming.
            return WindowExtraction.validate(window);
        }
        if (e instanceof Arithmetic arithmetic && arithmetic.resolved()) {
            // Date arithmetic becomes the function it means before the column is named, as in Spark.
            return DatetimeArithmetic.resolve(arithmetic).orElse(arithmetic);
        }
        if (e instanceof UnresolvedStar star) {
            throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "`" + star + "` outside a SELECT list");
        }
        if (e instanceof UnresolvedField field && field.child().resolved()) {
            return Expressions.extractField(field.child(), field.name());
        }
        if (e instanceof ElementAt subscript && subscript.subscript() && subscript.resolved()
                && subscript.arguments().get(0).dataType() instanceof StructType
                && subscript.arguments().get(1) instanceof Literal key && key.value() instanceof String name) {
            return Expressions.extractField(subscript.arguments().get(0), name); // s['a'] is s.a
        }
        return e;
    }

    /** A column of the input or, inside a subquery, of an enclosing query (a correlation). */
    private Expression resolveAttribute(UnresolvedAttribute attribute, List<AttributeReference> input) {
        try {
            return Expressions.resolveName(attribute, input);
        } catch (EmberException notInput) {
            if (notInput.errorClass() != ErrorClass.UNRESOLVED_COLUMN) {
                throw notInput;
            }
            for (int level = 0; level < outerScopes.size(); level++) {
                try {
                    AttributeReference outer = Expressions.resolveAttribute(attribute, outerScopes.get(level));
                    if (level > 0) {
                        throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "a reference to a column of a query "
                                + (level + 1) + " levels out: " + attribute.name()).at(attribute.position());
                    }
                    return new OuterReference(outer);
                } catch (EmberException notThere) {
                    if (notThere.errorClass() != ErrorClass.UNRESOLVED_COLUMN) {
                        throw notThere;
                    }
                }
            }
            throw notInput;
        }
    }
}
