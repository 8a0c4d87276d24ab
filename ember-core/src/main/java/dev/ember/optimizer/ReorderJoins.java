package dev.ember.optimizer;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Comparison;
import dev.ember.expr.ExprId;
import dev.ember.expr.Expression;
import dev.ember.plan.logical.Join;
import dev.ember.plan.logical.JoinType;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Project;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders a tree of inner joins by estimated row counts ({@link Cardinality}), greedily: of the pairs
 * of inputs joined so far that share an equality condition, the one whose join is estimated smallest
 * among those that shrink their larger input joins first, so that filtered small tables meet each other before they meet the large ones
 * (TPC-H Q7 joins supplier with its two nations before lineitem), building bushy trees where that is
 * smaller. Pairs without an equality come after (other conditions first, cross products last). Each
 * condition goes to the first join that has all its columns; the input from the larger table (on a
 * key) or with more rows is the left one.
 *
 * <p>Semi and anti joins that {@link PushSemiJoins} put on an input are taken off it and put back
 * where the rows of that input, joined so far, are estimated fewest: on the input itself when the
 * joins above only add rows (Q18), above the joins that filter it when they shrink it (Q21 checks its
 * EXISTS on lineitem rows of one nation's suppliers only). A Project restores the output's order.
 */
final class ReorderJoins {
    private ReorderJoins() {
    }

    static LogicalPlan apply(LogicalPlan plan) {
        if (!innerJoin(plan)) {
            List<LogicalPlan> children = new ArrayList<>();
            for (LogicalPlan child : plan.children()) {
                children.add(apply(child));
            }
            return plan.withNewChildren(children);
        }
        List<LogicalPlan> leaves = new ArrayList<>();
        List<Expression> conditions = new ArrayList<>();
        flatten(plan, leaves, conditions);
        LogicalPlan joined = new Group(leaves, conditions).join();
        List<AttributeReference> output = plan.output();
        return joined.output().equals(output) ? joined : new Project(new ArrayList<>(output), joined);
    }

    private static boolean innerJoin(LogicalPlan plan) {
        return plan instanceof Join join && (join.joinType() == JoinType.INNER || join.joinType() == JoinType.CROSS);
    }

    private static void flatten(LogicalPlan plan, List<LogicalPlan> leaves, List<Expression> conditions) {
        if (innerJoin(plan)) {
            Join join = (Join) plan;
            flatten(join.left(), leaves, conditions);
            flatten(join.right(), leaves, conditions);
            conditions.addAll(Predicates.conjuncts(join.condition()));
        } else {
            leaves.add(apply(plan));
        }
    }

    private static boolean semiJoin(LogicalPlan plan) {
        return plan instanceof Join join && (join.joinType() == JoinType.LEFT_SEMI || join.joinType() == JoinType.LEFT_ANTI)
                && join.condition() != null && join.condition().deterministic();
    }

    /** Joined inputs: their plan (without the semi joins taken off), estimate, unique columns, and which leaves they hold. */
    private record Part(LogicalPlan plan, Cardinality estimate, Set<ExprId> keys, Set<Integer> leaves) {
    }

    /**
     * A candidate join of two parts: how strongly they are connected decides, then whether it has fewer
     * rows than its larger input, then the least cost: its rows and twice those of its build side (a
     * large hash table is slow to build and to probe: Q5's lineitem meets its region's 2000 suppliers
     * before a year's 230 000 orders, which keep a few rows fewer). Joins that only add columns (an
     * unfiltered table joined on its key) keep the written order: a dimension's columns joined early
     * would travel through every join after it (Q9's nation).
     */
    private record Candidate(int left, int right, int connection, Cardinality estimate, double buildRows, boolean reduces,
            boolean onKey, Set<ExprId> keys, List<Expression> conditions) {
        private static final double BUILD_WEIGHT = 2;

        boolean betterThan(Candidate other) {
            if (other == null || connection != other.connection) {
                return other == null || connection > other.connection;
            }
            if (reduces != other.reduces) {
                return reduces;
            }
            return reduces && cost() < other.cost();
        }

        private double cost() {
            return estimate.rows() + BUILD_WEIGHT * buildRows;
        }
    }

    /** The inputs of one tree of inner joins and its conditions, joined in the order of their estimates. */
    private static final class Group {
        private static final int EQUALITY = 2;
        private static final int CONDITION = 1;
        private static final int NONE = 0;

        private final List<Part> parts = new ArrayList<>();
        /** Every part ever formed, leaves first, each join after its inputs. */
        private final List<Part> history = new ArrayList<>();
        /** Semi and anti joins taken off each leaf, innermost first. */
        private final List<List<Join>> semiJoins = new ArrayList<>();
        private final List<Expression> pending;
        private final Set<LogicalPlan> formed = Collections.newSetFromMap(new IdentityHashMap<>());

        Group(List<LogicalPlan> leaves, List<Expression> conditions) {
            for (LogicalPlan leaf : leaves) {
                List<Join> taken = new ArrayList<>();
                LogicalPlan base = leaf;
                while (semiJoin(base)) {
                    taken.add(0, (Join) base);
                    base = ((Join) base).left();
                }
                semiJoins.add(taken);
                // The estimate is the leaf's with its semi joins: they filter it wherever they go.
                parts.add(new Part(base, Cardinality.of(leaf), UniqueKeys.of(base), Set.of(parts.size())));
            }
            history.addAll(parts);
            pending = new ArrayList<>(conditions);
        }

        LogicalPlan join() {
            while (parts.size() > 1) {
                Candidate best = null;
                for (int i = 0; i < parts.size(); i++) {
                    for (int j = i + 1; j < parts.size(); j++) {
                        Candidate candidate = candidate(i, j);
                        if (candidate.betterThan(best)) {
                            best = candidate;
                        }
                    }
                }
                merge(best);
            }
            if (!pending.isEmpty()) {
                throw new IllegalStateException("join conditions over columns of no input: " + pending);
            }
            return withSemiJoins(parts.get(0).plan(), placeSemiJoins());
        }

        /**
         * Joining two parts: on a unique column of the part from the smaller table, the other part's rows
         * filtered as that part; on other equalities, {@link Cardinality#manyToMany}.
         */
        private Candidate candidate(int i, int j) {
            Part a = parts.get(i);
            Part b = parts.get(j);
            Part fact = a.estimate().tableRows() >= b.estimate().tableRows() ? a : b;
            Part dimension = fact == a ? b : a;
            Set<ExprId> available = Predicates.ids(a.plan().output());
            available.addAll(Predicates.ids(b.plan().output()));
            List<Expression> applicable = new ArrayList<>();
            boolean equality = false;
            boolean onKey = false;
            double selectivity = 1;
            for (Expression condition : pending) {
                if (!available.containsAll(Predicates.references(condition))) {
                    continue;
                }
                applicable.add(condition);
                if (condition instanceof Comparison comparison && comparison.operator() == Comparison.Operator.EQUAL
                        && Predicates.joinsSides(comparison, a.plan().output(), b.plan().output())) {
                    equality = true;
                    onKey |= uniqueIn(comparison.left(), dimension) || uniqueIn(comparison.right(), dimension);
                } else {
                    selectivity *= Selectivity.FIXED.of(condition);
                }
            }
            Cardinality joined = onKey ? fact.estimate().equiJoin(dimension.estimate())
                    : equality ? a.estimate().manyToMany(b.estimate()) : a.estimate().cross(b.estimate());
            int connection = equality ? EQUALITY : applicable.isEmpty() ? NONE : CONDITION;
            Cardinality estimate = joined.filtered(selectivity);
            // On a key, fewer rows than the side whose rows it keeps: the key's side was filtered.
            double kept = onKey ? fact.estimate().rows() : Math.max(a.estimate().rows(), b.estimate().rows());
            boolean reduces = estimate.rows() < kept;
            // The planner builds on the key's side, else on the smaller one (see merge).
            double buildRows = onKey ? dimension.estimate().rows() : Math.min(a.estimate().rows(), b.estimate().rows());
            return new Candidate(i, j, connection, estimate, buildRows, reduces, onKey, onKey ? fact.keys() : Set.of(), applicable);
        }

        private static boolean uniqueIn(Expression expression, Part part) {
            return expression instanceof AttributeReference attribute && part.keys().contains(attribute.exprId());
        }

        private void merge(Candidate candidate) {
            Part a = parts.get(candidate.left());
            Part b = parts.get(candidate.right());
            // The planner builds on the right: on a key, the input from the smaller table (the probe side keeps
            // the written order's fact table on the left), otherwise the one with fewer rows.
            Part left = candidate.onKey() ? (b.estimate().tableRows() > a.estimate().tableRows() ? b : a)
                    : (b.estimate().rows() > a.estimate().rows() ? b : a);
            Part right = left == a ? b : a;
            List<Expression> conditions = candidate.conditions();
            pending.removeAll(conditions);
            Join join = new Join(left.plan(), right.plan(), conditions.isEmpty() ? JoinType.CROSS : JoinType.INNER,
                    Predicates.and(conditions));
            Set<Integer> leaves = new HashSet<>(a.leaves());
            leaves.addAll(b.leaves());
            Part merged = new Part(join, candidate.estimate(), candidate.keys(), Set.copyOf(leaves));
            parts.set(candidate.left(), merged);
            parts.remove(candidate.right());
            history.add(merged);
            formed.add(join);
        }

        /** Each leaf's semi joins go above the part holding that leaf with the fewest rows (the lowest of equals). */
        private Map<LogicalPlan, List<Join>> placeSemiJoins() {
            Map<LogicalPlan, List<Join>> placed = new IdentityHashMap<>();
            for (int leaf = 0; leaf < semiJoins.size(); leaf++) {
                if (semiJoins.get(leaf).isEmpty()) {
                    continue;
                }
                Part fewest = null;
                for (Part part : history) {
                    if (part.leaves().contains(leaf) && (fewest == null || part.estimate().rows() < fewest.estimate().rows())) {
                        fewest = part;
                    }
                }
                placed.computeIfAbsent(fewest.plan(), p -> new ArrayList<>()).addAll(semiJoins.get(leaf));
            }
            return placed;
        }

        /** The joined plan with the semi joins placed: only the joins this group formed are rebuilt. */
        private LogicalPlan withSemiJoins(LogicalPlan plan, Map<LogicalPlan, List<Join>> placed) {
            LogicalPlan rebuilt = plan;
            if (formed.contains(plan)) {
                Join join = (Join) plan;
                rebuilt = join.with(withSemiJoins(join.left(), placed), withSemiJoins(join.right(), placed), join.joinType(),
                        join.condition());
            }
            for (Join semi : placed.getOrDefault(plan, List.of())) {
                rebuilt = semi.with(rebuilt, semi.right(), semi.joinType(), semi.condition());
            }
            return rebuilt;
        }
    }
}
