package dev.ember.exec;

import dev.ember.expr.Arithmetic;
import dev.ember.expr.BoundReference;
import dev.ember.expr.Cast;
import dev.ember.expr.Expression;
import dev.ember.expr.LeafExpression;
import dev.ember.expr.aggregate.AggregateFunction;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregate arguments of one aggregation over raw rows, with the subexpressions several of them
 * compute evaluated once a batch, as Spark's subexpression elimination does (q01 sums
 * {@code l_extendedprice * (1 - l_discount)} alone and times {@code (1 + l_tax)}): the arguments
 * read such a subexpression as a column appended to the input batch. Only subexpressions every
 * occurrence of which is evaluated on every row are shared (reached from the argument through
 * arithmetic and casts, never through a CASE or AND branch), so evaluating them once for all rows
 * raises no error the query would not.
 */
final class SharedArguments {
    private final List<Expression> shared;
    /** Each function's arguments, reading shared subexpressions as columns after the input's. */
    private final List<List<Expression>> arguments;

    private SharedArguments(List<Expression> shared, List<List<Expression>> arguments) {
        this.shared = shared;
        this.arguments = arguments;
    }

    /** The functions' arguments (bound to an input of {@code inputWidth} columns), common subexpressions shared. */
    static SharedArguments of(List<AggregateFunction> functions, int inputWidth) {
        Map<Object, Integer> occurrences = new HashMap<>();
        for (AggregateFunction function : functions) {
            function.arguments().forEach(argument -> count(argument, occurrences));
        }
        List<Expression> shared = new ArrayList<>();
        Map<Object, BoundReference> columns = new HashMap<>();
        List<List<Expression>> arguments = new ArrayList<>();
        for (AggregateFunction function : functions) {
            arguments.add(function.arguments().stream()
                    .map(argument -> share(argument, occurrences, inputWidth, shared, columns)).toList());
        }
        return new SharedArguments(List.copyOf(shared), List.copyOf(arguments));
    }

    /** Counts the shareable nodes of {@code node}, as far as they are evaluated on every row. */
    private static void count(Expression node, Map<Object, Integer> occurrences) {
        if (shareable(node)) {
            occurrences.merge(key(node), 1, Integer::sum);
        }
        if (evaluatesChildrenOnEveryRow(node)) {
            node.children().forEach(child -> count(child, occurrences));
        }
    }

    /** {@code node} with its outermost subexpressions met more than once replaced by references to their shared columns. */
    private static Expression share(Expression node, Map<Object, Integer> occurrences, int inputWidth, List<Expression> shared,
            Map<Object, BoundReference> columns) {
        if (shareable(node) && occurrences.get(key(node)) > 1) {
            return columns.computeIfAbsent(key(node), key -> {
                shared.add(node);
                return new BoundReference(inputWidth + shared.size() - 1, node.dataType(), node.nullable(), node.toString());
            });
        }
        if (!evaluatesChildrenOnEveryRow(node)) {
            return node;
        }
        return node.withNewChildren(node.children().stream().map(child -> share(child, occurrences, inputWidth, shared, columns)).toList());
    }

    private static boolean shareable(Expression node) {
        return !(node instanceof LeafExpression) && node.deterministic();
    }

    private static boolean evaluatesChildrenOnEveryRow(Expression node) {
        return node instanceof Arithmetic || node instanceof Cast;
    }

    private static Object key(Expression node) {
        return CanonicalPlan.of(List.of(node));
    }

    /** Each function's argument vectors for a batch of raw rows. */
    ColumnVector[][] eval(Batch batch) {
        Batch input = batch;
        if (!shared.isEmpty()) {
            List<ColumnVector> columns = new ArrayList<>(batch.columns());
            for (Expression expression : shared) {
                columns.add(expression.eval(batch));
            }
            input = new Batch(columns, batch.rowCount());
        }
        ColumnVector[][] vectors = new ColumnVector[arguments.size()][];
        for (int f = 0; f < vectors.length; f++) {
            List<Expression> expressions = arguments.get(f);
            vectors[f] = new ColumnVector[expressions.size()];
            for (int a = 0; a < vectors[f].length; a++) {
                vectors[f][a] = expressions.get(a).eval(input);
            }
        }
        return vectors;
    }
}
