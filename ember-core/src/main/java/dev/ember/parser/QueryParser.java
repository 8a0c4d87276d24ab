package dev.ember.parser;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Alias;
import dev.ember.expr.Expression;
import dev.ember.expr.GroupingSets;
import dev.ember.expr.Literal;
import dev.ember.expr.SortOrder;
import dev.ember.expr.UnresolvedAttribute;
import dev.ember.expr.UnresolvedStar;
import dev.ember.expr.window.WindowReference;
import dev.ember.parser.ExpressionParser.WindowSpecification;
import dev.ember.plan.logical.Aggregate;
import dev.ember.plan.logical.Distinct;
import dev.ember.plan.logical.Filter;
import dev.ember.plan.logical.InlineTable;
import dev.ember.plan.logical.Join;
import dev.ember.plan.logical.LateralView;
import dev.ember.plan.logical.JoinType;
import dev.ember.plan.logical.Limit;
import dev.ember.plan.logical.LocalRelation;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.NaturalJoin;
import dev.ember.plan.logical.Project;
import dev.ember.plan.logical.Range;
import dev.ember.plan.logical.SetOperation;
import dev.ember.plan.logical.Sort;
import dev.ember.plan.logical.SubqueryAlias;
import dev.ember.plan.logical.Union;
import dev.ember.plan.logical.UnresolvedRelation;
import dev.ember.plan.logical.WithCte;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Queries: {@code [WITH ...] set-expression [ORDER BY ...] [LIMIT n] [OFFSET m]}, where the set
 * expression combines SELECT blocks, VALUES and parenthesized queries with UNION, EXCEPT/MINUS and
 * the tighter INTERSECT.
 *
 * <p>A SELECT block becomes, bottom up: the FROM relations (joins), {@code Filter} for WHERE,
 * {@code Aggregate} when there is a GROUP BY (or a HAVING) else {@code Project}, {@code Filter} for
 * HAVING, {@code Distinct}. ORDER BY and LIMIT apply to the whole set expression above that.
 */
final class QueryParser {
    /** The alias Spark gives a FROM subquery written without one; its columns stay reachable by bare name. */
    static final String AUTO_SUBQUERY_ALIAS = "__auto_generated_subquery_name";

    private final TokenCursor cursor;
    private final DataTypeParser types;
    private final ExpressionParser expressions;

    QueryParser(TokenCursor cursor) {
        this.cursor = cursor;
        this.types = new DataTypeParser(cursor);
        this.expressions = new ExpressionParser(cursor, types, this::query);
    }

    ExpressionParser expressions() {
        return expressions;
    }

    DataTypeParser types() {
        return types;
    }

    LogicalPlan query() {
        if (cursor.checkWord("WITH")) {
            return with();
        }
        return orderAndLimit(setExpression());
    }

    /** {@code WITH name [AS] (query), ... body}. */
    private LogicalPlan with() {
        cursor.next();
        if (cursor.checkWord("RECURSIVE")) {
            throw cursor.unsupported(cursor.peek(), "recursive common table expressions");
        }
        List<WithCte.Definition> definitions = new ArrayList<>();
        do {
            String name = cursor.identifier();
            Token columnsStart = cursor.peek();
            List<String> columns = cursor.check(TokenType.LEFT_PAREN) && !Keywords.startsQuery(cursor.peek(1))
                    ? identifierList() : null;
            cursor.matchWord("AS");
            cursor.expect(TokenType.LEFT_PAREN);
            LogicalPlan plan = query();
            cursor.expect(TokenType.RIGHT_PAREN);
            definitions.add(new WithCte.Definition(name, columns == null ? plan : withColumnNames(plan, columns, columnsStart)));
        } while (cursor.match(TokenType.COMMA));
        return new WithCte(definitions, orderAndLimit(setExpression()));
    }

    /** UNION and EXCEPT (MINUS), one level, left-associative. */
    private LogicalPlan setExpression() {
        LogicalPlan left = intersection();
        while (cursor.checkWord("UNION") || cursor.checkWord("EXCEPT") || cursor.checkWord("MINUS")) {
            boolean union = cursor.next().isWord("UNION");
            boolean all = setQuantifier();
            LogicalPlan right = intersection();
            left = union ? union(left, right, all) : new SetOperation(SetOperation.Kind.EXCEPT, all, left, right);
        }
        return left;
    }

    /** INTERSECT binds tighter than UNION and EXCEPT, as in Spark and the SQL standard. */
    private LogicalPlan intersection() {
        LogicalPlan left = queryPrimary();
        while (cursor.matchWord("INTERSECT")) {
            boolean all = setQuantifier();
            left = new SetOperation(SetOperation.Kind.INTERSECT, all, left, queryPrimary());
        }
        return left;
    }

    /** {@code ALL} or {@code DISTINCT} (the default). */
    private boolean setQuantifier() {
        if (cursor.matchWord("ALL")) {
            return true;
        }
        cursor.matchWord("DISTINCT");
        return false;
    }

    /**
     * {@code UNION ALL} is a {@link Union}, {@code UNION} a {@link Distinct} over one. A chain of
     * the same kind becomes one n-ary union ({@code a UNION b UNION c} is one Distinct over a
     * three-input Union), which means the same and spares the optimizer the flattening.
     */
    private static LogicalPlan union(LogicalPlan left, LogicalPlan right, boolean all) {
        List<LogicalPlan> inputs = new ArrayList<>();
        LogicalPlan leftUnion = all ? left : left instanceof Distinct distinct ? distinct.child() : null;
        if (leftUnion instanceof Union union && !union.byName()) {
            inputs.addAll(union.children());
        } else {
            inputs.add(left);
        }
        inputs.add(right);
        Union union = new Union(inputs, false, false);
        return all ? union : new Distinct(union);
    }

    private LogicalPlan queryPrimary() {
        Token token = cursor.peek();
        if (token.isWord("SELECT")) {
            return select();
        }
        if (token.isWord("VALUES")) {
            return aliased(values());
        }
        if (token.isWord("TABLE")) {
            cursor.next();
            Token name = cursor.peek();
            return new UnresolvedRelation(cursor.multipartIdentifier(), cursor.position(name));
        }
        if (token.isWord("FROM")) {
            throw cursor.unsupported(token, "queries that start with FROM");
        }
        if (cursor.match(TokenType.LEFT_PAREN)) {
            LogicalPlan query = query();
            cursor.expect(TokenType.RIGHT_PAREN);
            return query;
        }
        throw cursor.syntaxError(token, "");
    }

    private LogicalPlan select() {
        cursor.next();
        boolean distinct = cursor.matchWord("DISTINCT");
        if (!distinct) {
            cursor.matchWord("ALL");
        }
        List<Expression> selectList = new ArrayList<>();
        do {
            selectList.add(expressions.namedExpression());
        } while (cursor.match(TokenType.COMMA));

        LogicalPlan plan = cursor.matchWord("FROM") ? from() : oneRowRelation();
        if (cursor.matchWord("WHERE")) {
            plan = new Filter(expressions.expression(), plan);
        }
        List<Expression> groupings = null;
        if (cursor.checkWord("GROUP") && cursor.checkWord(1, "BY")) {
            cursor.next();
            cursor.next();
            groupings = groupBy();
        }
        Expression having = cursor.matchWord("HAVING") ? expressions.expression() : null;
        Map<String, WindowSpecification> windows = cursor.matchWord("WINDOW") ? windowDefinitions() : Map.of();
        if (cursor.checkWord("QUALIFY")) {
            throw cursor.unsupported(cursor.peek(), "QUALIFY clauses");
        }
        selectList = selectList.stream().map(item -> withWindows(item, windows)).toList();
        having = having == null ? null : withWindows(having, windows);

        // HAVING without GROUP BY is a global aggregate, as in Spark and the SQL standard.
        if (groupings != null || having != null) {
            plan = new Aggregate(groupings == null ? List.of() : groupings, selectList, plan);
        } else {
            plan = new Project(selectList, plan);
        }
        if (having != null) {
            plan = new Filter(having, plan);
        }
        return distinct ? new Distinct(plan) : plan;
    }

    /** {@code WINDOW name AS (specification), ...}; names are case-sensitive, as in Spark. */
    private Map<String, WindowSpecification> windowDefinitions() {
        Map<String, WindowSpecification> windows = new HashMap<>();
        do {
            String name = cursor.identifier();
            cursor.expectWord("AS");
            windows.put(name, expressions.windowSpecification());
        } while (cursor.match(TokenType.COMMA));
        return windows;
    }

    /** The expression with each {@code OVER name} replaced by the named window's definition. */
    private static Expression withWindows(Expression expression, Map<String, WindowSpecification> windows) {
        return expression.transformUp(e -> {
            if (!(e instanceof WindowReference reference)) {
                return e;
            }
            WindowSpecification specification = windows.get(reference.name());
            if (specification == null) {
                throw EmberException.of(ErrorClass.MISSING_WINDOW_SPECIFICATION, "windowName", reference.name());
            }
            return specification.over(reference.child());
        });
    }

    /** Spark's OneRowRelation, what a SELECT without FROM reads: one row, no columns. */
    private static LogicalPlan oneRowRelation() {
        return new LocalRelation(List.of(), List.of(List.of()));
    }

    /**
     * Grouping expressions; ordinals stay integer literals for the analyzer to map. {@code GROUP BY ALL}
     * is the name {@code ALL}, which Spark's analyzer also recognizes as "every non-aggregate item".
     */
    private List<Expression> groupBy() {
        Token token = cursor.peek();
        if (token.isWord("ALL") && !cursor.peek(1).is(TokenType.LEFT_PAREN)) {
            cursor.next();
            return List.of(new UnresolvedAttribute(List.of(token.text()), cursor.position(token)));
        }
        // Each item is a list of grouping sets; several items combine as their cross product.
        List<List<List<Expression>>> items = new ArrayList<>();
        boolean analytics = false;
        do {
            Token start = cursor.peek();
            if ((start.isWord("ROLLUP") || start.isWord("CUBE")) && cursor.peek(1).is(TokenType.LEFT_PAREN)) {
                cursor.next();
                List<Expression> columns = parenthesizedList();
                items.add(start.isWord("ROLLUP") ? rollup(columns) : cube(columns));
                analytics = true;
            } else if (start.isWord("GROUPING") && cursor.checkWord(1, "SETS")) {
                cursor.next();
                cursor.next();
                cursor.expect(TokenType.LEFT_PAREN);
                List<List<Expression>> sets = new ArrayList<>();
                do {
                    sets.add(cursor.check(TokenType.LEFT_PAREN) ? parenthesizedList() : List.of(expressions.expression()));
                } while (cursor.match(TokenType.COMMA));
                cursor.expect(TokenType.RIGHT_PAREN);
                items.add(sets);
                analytics = true;
            } else {
                items.add(List.of(List.of(expressions.expression())));
            }
        } while (cursor.match(TokenType.COMMA));
        if (cursor.checkWord("WITH") && (cursor.checkWord(1, "ROLLUP") || cursor.checkWord(1, "CUBE"))) {
            cursor.next();
            List<Expression> columns = items.stream().map(item -> item.get(0).get(0)).toList();
            items = List.of(cursor.next().isWord("ROLLUP") ? rollup(columns) : cube(columns));
            analytics = true;
        }
        if (!analytics) {
            return items.stream().map(item -> item.get(0).get(0)).toList();
        }
        List<List<Expression>> sets = List.of(List.of());
        for (List<List<Expression>> item : items) {
            List<List<Expression>> product = new ArrayList<>();
            for (List<Expression> left : sets) {
                for (List<Expression> right : item) {
                    List<Expression> combined = new ArrayList<>(left);
                    combined.addAll(right);
                    product.add(combined);
                }
            }
            sets = product;
        }
        return groupingSets(sets);
    }

    /** {@code ( e, ... )}, possibly empty. */
    private List<Expression> parenthesizedList() {
        cursor.expect(TokenType.LEFT_PAREN);
        List<Expression> list = new ArrayList<>();
        if (!cursor.match(TokenType.RIGHT_PAREN)) {
            do {
                list.add(expressions.expression());
            } while (cursor.match(TokenType.COMMA));
            cursor.expect(TokenType.RIGHT_PAREN);
        }
        return list;
    }

    /** ROLLUP (a, b): (a, b), (a), (). */
    private static List<List<Expression>> rollup(List<Expression> columns) {
        List<List<Expression>> sets = new ArrayList<>();
        for (int size = columns.size(); size >= 0; size--) {
            sets.add(columns.subList(0, size));
        }
        return sets;
    }

    /** CUBE (a, b): every subset, the full set first and the empty set last. */
    private static List<List<Expression>> cube(List<Expression> columns) {
        int n = columns.size();
        List<List<Expression>> sets = new ArrayList<>();
        for (int omitted = 0; omitted < 1 << n; omitted++) {
            List<Expression> set = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if ((omitted & 1 << (n - 1 - c)) == 0) {
                    set.add(columns.get(c));
                }
            }
            sets.add(set);
        }
        return sets;
    }

    /** The grouping columns once each (by their text), then a {@link GroupingSets} of positions among them. */
    private static List<Expression> groupingSets(List<List<Expression>> sets) {
        List<Expression> columns = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<List<Integer>> positions = new ArrayList<>();
        for (List<Expression> set : sets) {
            List<Integer> setPositions = new ArrayList<>();
            for (Expression column : set) {
                String text = column.toString();
                if (!texts.contains(text)) {
                    texts.add(text);
                    columns.add(column);
                }
                setPositions.add(texts.indexOf(text));
            }
            positions.add(setPositions);
        }
        columns.add(new GroupingSets(positions));
        return columns;
    }

    /** {@code ORDER BY}, {@code LIMIT n | ALL}, {@code OFFSET m}. */
    private LogicalPlan orderAndLimit(LogicalPlan query) {
        LogicalPlan plan = query;
        if (cursor.checkWord("ORDER") && cursor.checkWord(1, "BY")) {
            cursor.next();
            cursor.next();
            List<SortOrder> order = new ArrayList<>();
            do {
                order.add(expressions.sortOrder());
            } while (cursor.match(TokenType.COMMA));
            plan = new Sort(order, true, plan);
        }
        for (String clause : List.of("SORT", "CLUSTER", "DISTRIBUTE")) {
            if (cursor.checkWord(clause) && cursor.checkWord(1, "BY")) {
                throw cursor.unsupported(cursor.peek(), clause + " BY");
            }
        }
        if (cursor.checkWord("WINDOW")) {
            throw cursor.unsupported(cursor.peek(), "WINDOW clauses");
        }
        Integer limit = null;
        if (cursor.matchWord("LIMIT") && !cursor.matchWord("ALL")) {
            limit = nonNegativeInt("LIMIT");
        }
        int offset = cursor.matchWord("OFFSET") ? nonNegativeInt("OFFSET") : 0;
        if (limit != null || offset > 0) {
            // OFFSET alone keeps every row after the skipped ones.
            plan = new Limit(limit == null ? Integer.MAX_VALUE : limit, offset, plan);
        }
        return plan;
    }

    private int nonNegativeInt(String clause) {
        Token start = cursor.peek();
        Expression value = expressions.expression();
        if (!(value instanceof Literal literal) || !(literal.value() instanceof Integer || literal.value() instanceof Long)) {
            throw cursor.unsupported(start, clause + " with an expression other than an integer literal");
        }
        long number = ((Number) literal.value()).longValue();
        if (number < 0 || number > Integer.MAX_VALUE) {
            throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`" + clause.toLowerCase(Locale.ROOT) + "`",
                    "function", "`" + clause + "`", "detail", "expected an integer between 0 and " + Integer.MAX_VALUE
                            + ", got " + number).at(cursor.position(start));
        }
        return (int) number;
    }

    /** {@code FROM a, b JOIN c ON ...}: a comma is a cross join without a condition, looser than JOIN. */
    private LogicalPlan from() {
        LogicalPlan plan = relation();
        while (cursor.match(TokenType.COMMA)) {
            plan = new Join(plan, relation(), JoinType.INNER, null);
        }
        while (cursor.checkWord("LATERAL") && cursor.checkWord(1, "VIEW")) {
            plan = lateralView(plan);
        }
        return plan;
    }

    /** {@code LATERAL VIEW [OUTER] generator(args) table [[AS] column, ...]}, applied to everything FROM reads so far. */
    private LogicalPlan lateralView(LogicalPlan child) {
        cursor.next();
        cursor.next();
        boolean outer = cursor.matchWord("OUTER");
        Expression generator = expressions.expression();
        String table = cursor.identifier();
        List<String> columns = new ArrayList<>();
        if (cursor.matchWord("AS") || Keywords.canBeAlias(cursor.peek())) {
            do {
                columns.add(cursor.identifier());
            } while (cursor.match(TokenType.COMMA));
        }
        return new LateralView(generator, outer, table, columns, child);
    }

    /** A relation followed by any number of joins, left-associative. */
    private LogicalPlan relation() {
        LogicalPlan left = relationPrimary();
        while (true) {
            if (cursor.matchWord("NATURAL")) {
                Token natural = cursor.peek();
                JoinType type = joinType();
                if (type == null || type == JoinType.CROSS) {
                    throw cursor.syntaxError(natural, ": NATURAL must be followed by [INNER | LEFT | RIGHT | FULL | SEMI | ANTI] JOIN");
                }
                left = new NaturalJoin(left, relationPrimary(), type);
                continue;
            }
            if (cursor.checkWord("PIVOT") || cursor.checkWord("UNPIVOT")) {
                throw cursor.unsupported(cursor.peek(), cursor.peek().text().toUpperCase(Locale.ROOT));
            }
            JoinType type = joinType();
            if (type == null) {
                return left;
            }
            LogicalPlan right = relationPrimary();
            if (cursor.matchWord("ON")) {
                left = new Join(left, right, type, expressions.expression());
            } else if (cursor.matchWord("USING")) {
                left = new Join(left, right, type, null, identifierList());
            } else {
                left = new Join(left, right, type, null);
            }
        }
    }

    /** Consumes {@code [INNER | CROSS | LEFT [OUTER | SEMI | ANTI] | RIGHT [OUTER] | FULL [OUTER] | SEMI | ANTI] JOIN}, or returns null. */
    private JoinType joinType() {
        int mark = cursor.mark();
        JoinType type;
        if (cursor.checkWord("JOIN")) {
            type = JoinType.INNER;
        } else if (cursor.matchWord("INNER")) {
            type = JoinType.INNER;
        } else if (cursor.matchWord("CROSS")) {
            type = JoinType.CROSS;
        } else if (cursor.matchWord("LEFT")) {
            type = cursor.matchWord("SEMI") ? JoinType.LEFT_SEMI : cursor.matchWord("ANTI") ? JoinType.LEFT_ANTI : JoinType.LEFT_OUTER;
            if (type == JoinType.LEFT_OUTER) {
                cursor.matchWord("OUTER");
            }
        } else if (cursor.matchWord("RIGHT")) {
            cursor.matchWord("OUTER");
            type = JoinType.RIGHT_OUTER;
        } else if (cursor.matchWord("FULL")) {
            cursor.matchWord("OUTER");
            type = JoinType.FULL_OUTER;
        } else if (cursor.matchWord("SEMI")) {
            type = JoinType.LEFT_SEMI;
        } else if (cursor.matchWord("ANTI")) {
            type = JoinType.LEFT_ANTI;
        } else {
            return null;
        }
        if (!cursor.checkWord("JOIN")) {
            if (cursor.mark() == mark) {
                return null;
            }
            throw cursor.syntaxError(cursor.peek(), ": missing 'JOIN'");
        }
        cursor.next();
        return type;
    }

    private LogicalPlan relationPrimary() {
        Token token = cursor.peek();
        if (token.is(TokenType.LEFT_PAREN)) {
            return parenthesizedRelation();
        }
        if (token.isWord("VALUES")) {
            return aliased(values());
        }
        if (token.isWord("LATERAL")) {
            throw cursor.unsupported(token, "LATERAL subqueries");
        }
        if (!Keywords.canBeTableName(token)) {
            throw cursor.syntaxError(token, token.is(TokenType.END_OF_INPUT) ? ": missing table name" : "");
        }
        List<String> name = cursor.multipartIdentifier();
        if (cursor.check(TokenType.LEFT_PAREN)) {
            return aliased(tableFunction(name, token));
        }
        if (cursor.checkWord("TABLESAMPLE")) {
            throw cursor.unsupported(cursor.peek(), "TABLESAMPLE");
        }
        return aliased(new UnresolvedRelation(name, cursor.position(token)));
    }

    /**
     * {@code (query) [alias]} or {@code (relation) [alias]}. As in Spark, a subquery without an alias
     * gets {@link #AUTO_SUBQUERY_ALIAS}, so that {@code SELECT a FROM (SELECT a FROM t)} works.
     */
    private LogicalPlan parenthesizedRelation() {
        cursor.next();
        int afterParen = cursor.mark();
        LogicalPlan inner;
        boolean subquery = Keywords.startsQuery(cursor.peek());
        if (subquery) {
            inner = query();
        } else if (cursor.check(TokenType.LEFT_PAREN)) {
            // ((SELECT ...) UNION ...) or ((a JOIN b) JOIN c): try the query first.
            try {
                inner = query();
                subquery = cursor.check(TokenType.RIGHT_PAREN);
            } catch (EmberException e) {
                subquery = false;
                inner = null;
            }
            if (!subquery) {
                cursor.reset(afterParen);
                inner = relation();
            }
        } else {
            inner = relation();
        }
        if (!cursor.check(TokenType.RIGHT_PAREN)) {
            throw cursor.syntaxError(cursor.peek(), cursor.atEnd() ? ": missing ')'" : "");
        }
        cursor.next();
        LogicalPlan aliased = aliased(inner);
        if (subquery && aliased == inner) {
            return new SubqueryAlias(AUTO_SUBQUERY_ALIAS, inner);
        }
        return aliased;
    }

    /** {@code VALUES row, row, ...} where a row is {@code (a, b, ...)} or a single expression. */
    private LogicalPlan values() {
        cursor.next();
        List<List<Expression>> rows = new ArrayList<>();
        do {
            if (cursor.check(TokenType.LEFT_PAREN) && !Keywords.startsQuery(cursor.peek(1))) {
                cursor.next();
                rows.add(expressions.expressionList());
                cursor.expect(TokenType.RIGHT_PAREN);
            } else {
                rows.add(List.of(expressions.expression()));
            }
        } while (cursor.match(TokenType.COMMA));
        return new InlineTable(List.of(), rows);
    }

    /** {@code [AS] alias [(column, ...)]} after a relation. */
    private LogicalPlan aliased(LogicalPlan plan) {
        boolean explicit = cursor.matchWord("AS");
        if (!explicit && !Keywords.canBeAlias(cursor.peek())) {
            return plan;
        }
        if (explicit && Keywords.isStrictNonReserved(cursor.peek())) {
            throw cursor.syntaxError(cursor.peek(), "");
        }
        String alias = cursor.identifier();
        LogicalPlan aliased = plan;
        if (cursor.check(TokenType.LEFT_PAREN)) {
            Token open = cursor.peek();
            aliased = withColumnNames(plan, identifierList(), open);
        }
        return new SubqueryAlias(alias, aliased);
    }

    /**
     * Names the columns of {@code (query) AS t(a, b)} or {@code WITH t(a, b) AS (query)}. There is no
     * plan node for this yet, so it is done here where it is exact: on VALUES, and on a SELECT whose
     * items are all written out (no {@code *}), whose items are then re-aliased.
     */
    private LogicalPlan withColumnNames(LogicalPlan plan, List<String> names, Token at) {
        if (plan instanceof InlineTable table) {
            return new InlineTable(names, table.rows());
        }
        if (plan instanceof Distinct distinct) {
            return new Distinct(withColumnNames(distinct.child(), names, at));
        }
        List<Expression> items = plan instanceof Project project ? project.projectList()
                : plan instanceof Aggregate aggregate ? aggregate.aggregates() : null;
        if (items == null || items.stream().anyMatch(item -> item instanceof UnresolvedStar)
                || plan instanceof Aggregate aggregate && groupsByAlias(aggregate)) {
            throw cursor.unsupported(at, "column names for a relation other than VALUES or a SELECT with explicit items");
        }
        if (items.size() != names.size()) {
            throw cursor.syntaxError(at, ": " + names.size() + " column names for " + items.size() + " columns");
        }
        List<Expression> renamed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Expression item = items.get(i);
            renamed.add(new Alias(item instanceof Alias alias ? alias.child() : item, names.get(i)));
        }
        return plan instanceof Project project ? new Project(renamed, project.child())
                : new Aggregate(((Aggregate) plan).groupings(), renamed, ((Aggregate) plan).child());
    }

    /** Whether a GROUP BY names a select alias, which renaming the items would break. */
    private static boolean groupsByAlias(Aggregate aggregate) {
        for (Expression item : aggregate.aggregates()) {
            if (item instanceof Alias alias && aggregate.groupings().stream().anyMatch(grouping -> grouping
                    .anyMatch(e -> e instanceof UnresolvedAttribute attribute && attribute.name().equalsIgnoreCase(alias.name())))) {
                return true;
            }
        }
        return false;
    }

    /** {@code (a, b, ...)}. */
    private List<String> identifierList() {
        cursor.expect(TokenType.LEFT_PAREN);
        List<String> names = new ArrayList<>();
        do {
            names.add(cursor.identifier());
        } while (cursor.match(TokenType.COMMA));
        cursor.expect(TokenType.RIGHT_PAREN);
        return names;
    }

    /** A table-valued function in FROM; only {@code range(end)}, {@code range(start, end[, step[, partitions]])} so far. */
    private LogicalPlan tableFunction(List<String> nameParts, Token nameToken) {
        String name = String.join(".", nameParts);
        if (!name.equalsIgnoreCase("range")) {
            throw cursor.unsupported(nameToken, "the table-valued function " + name + "(...)");
        }
        cursor.expect(TokenType.LEFT_PAREN);
        List<Long> arguments = new ArrayList<>();
        if (!cursor.check(TokenType.RIGHT_PAREN)) {
            do {
                Token start = cursor.peek();
                Expression argument = expressions.expression();
                if (!(argument instanceof Literal literal) || !(literal.value() instanceof Integer || literal.value() instanceof Long)) {
                    throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`" + (arguments.size() + 1) + "`",
                            "function", "`range`", "detail", "expected an integer literal").at(cursor.position(start));
                }
                arguments.add(((Number) literal.value()).longValue());
            } while (cursor.match(TokenType.COMMA));
        }
        cursor.expect(TokenType.RIGHT_PAREN);
        long start = arguments.size() >= 2 ? arguments.get(0) : 0;
        switch (arguments.size()) {
            case 1, 2, 3, 4 -> {
                long end = arguments.size() == 1 ? arguments.get(0) : arguments.get(1);
                long step = arguments.size() >= 3 ? arguments.get(2) : 1;
                long partitions = arguments.size() == 4 ? arguments.get(3) : 0;
                if (step == 0 || partitions < 0 || partitions > Integer.MAX_VALUE) {
                    throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", step == 0 ? "`step`" : "`numPartitions`",
                            "function", "`range`", "detail", step == 0 ? "the step must not be 0" : "expected a positive number of partitions")
                            .at(cursor.position(nameToken));
                }
                return new Range(start, end, step, (int) partitions);
            }
            default -> throw EmberException.of(ErrorClass.WRONG_NUM_ARGS, "function", "`range`",
                    "expected", "[1, 2, 3, 4]", "actual", arguments.size()).at(cursor.position(nameToken));
        }
    }
}
