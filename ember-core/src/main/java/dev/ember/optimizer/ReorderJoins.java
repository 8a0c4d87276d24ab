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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders a tree of inner joins by estimated row counts ({@link Cardinality}). Equalities between
 * columns are first closed under transitivity ({@code c.n = s.n AND s.n = n.n} also gives {@code c.n =
 * n.n}), so that any two inputs sharing a class of equal columns can meet. Then every order of the
 * inputs joined by equalities is weighed, bushy trees included, and the cheapest taken: a join costs
 * its rows and twice those of its build side (TPC-H Q5 joins customer with Asia's nations, then a
 * year's orders, before lineitem; Q7 supplier and customer with their nations before lineitem).
 * Inputs that only add columns (unfiltered, joined on their unique keys alone) are left out of that
 * search and joined after it, in the written order, so that their columns do not travel through the
 * joins (Q9's nation); so are inputs beyond {@link #EXHAUSTIVE}. Those are joined greedily: the pair
 * whose join is cheapest among those that shrink their larger input first, equalities before other
 * conditions before cross products. Each condition goes to the first join that has all its columns,
 * but for an equality its side already implies; the input from the larger table (on a key) or with
 * more rows is the left one.
 *
 * <p>Semi and anti joins that {@link PushSemiJoins} put on an input are taken off it and put back
 * where the rows they and the joins between the input and them read are estimated fewest: on the
 * input itself when they are selective or the joins above do not shrink it (Q2's parts, Q18), above
 * the joins that shrink it otherwise (Q21 checks its EXISTS on lineitem rows of one nation's
 * suppliers only). A Project restores the output's order.
 */
final class ReorderJoins {
    /** Inputs up to which every order is weighed (3^n pairs of subsets). */
    private static final int EXHAUSTIVE = 8;

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

    /** {@code a = b} between two columns of one type: the equalities closed under transitivity. */
    private static boolean columnEquality(Expression condition) {
        return condition instanceof Comparison comparison && comparison.operator() == Comparison.Operator.EQUAL
                && comparison.left() instanceof AttributeReference left && comparison.right() instanceof AttributeReference right
                && left.dataType().equals(right.dataType()) && !left.exprId().equals(right.exprId());
    }

    /**
     * Joined inputs: their plan (without the semi joins taken off), estimate, unique columns, the leaves
     * they hold, the conditions applied in them (by index), the classes of columns equal in them, the
     * estimated cost of their joins, and the parts they joined (none for a leaf).
     */
    private record Part(LogicalPlan plan, Cardinality estimate, Set<ExprId> keys, Set<Integer> leaves, Set<Integer> applied,
            List<Set<ExprId>> equal, double cost, List<Part> inputs) {
    }

    /**
     * A candidate join of two parts: how strongly they are connected decides, then whether it has fewer
     * rows than its larger input, then the least cost: its rows, twice those of its build side (a large
     * hash table is slow to build), and its probes, each the dearer the less of the hash table stays
     * in the caches (Q7's lineitem meets its 800 suppliers before its 120 000 orders, not after).
     * Joins that only add columns keep the written order: a dimension's columns joined early would
     * travel through every join after it.
     */
    private record Candidate(Part a, Part b, int connection, Cardinality estimate, double buildRows, double probeRows,
            boolean reduces, boolean onKey, Set<ExprId> keys, Set<Integer> applicable, List<Integer> conditions,
            List<Set<ExprId>> equal) {
        private static final double BUILD_WEIGHT = 2;
        /** Rows of a hash table whose probes cost half a row's: about what a megabyte cache holds. */
        private static final double CACHED_ROWS = 100_000;

        boolean betterThan(Candidate other) {
            if (other == null || connection != other.connection) {
                return other == null || connection > other.connection;
            }
            if (reduces != other.reduces) {
                return reduces;
            }
            return reduces && cost() < other.cost();
        }

        double cost() {
            return estimate.rows() + BUILD_WEIGHT * buildRows + probeRows * buildRows / (buildRows + CACHED_ROWS);
        }
    }

    /** The inputs of one tree of inner joins and its conditions, joined in the order of their estimates. */
    private static final class Group {
        private static final int EQUALITY = 2;
        private static final int CONDITION = 1;
        private static final int NONE = 0;

        private final List<Part> leaves = new ArrayList<>();
        /** Each leaf's rows without the semi joins taken off it. */
        private final List<Double> unfilteredRows = new ArrayList<>();
        /** Semi and anti joins taken off each leaf, innermost first. */
        private final List<List<Join>> semiJoins = new ArrayList<>();
        private final List<Expression> conditions;
        private final List<Set<ExprId>> references = new ArrayList<>();

        Group(List<LogicalPlan> plans, List<Expression> written) {
            for (LogicalPlan leaf : plans) {
                List<Join> taken = new ArrayList<>();
                LogicalPlan base = leaf;
                while (semiJoin(base)) {
                    taken.add(0, (Join) base);
                    base = ((Join) base).left();
                }
                semiJoins.add(taken);
                unfilteredRows.add(Cardinality.of(base).rows());
                // The estimate is the leaf's with its semi joins: they filter it wherever they go.
                leaves.add(new Part(base, Cardinality.of(leaf), UniqueKeys.of(base), Set.of(leaves.size()), Set.of(), List.of(), 0,
                        List.of()));
            }
            conditions = withImpliedEqualities(written);
            for (Expression condition : conditions) {
                references.add(Predicates.references(condition));
            }
        }

        /** The conditions, then the equalities between columns their equalities imply but do not state. */
        private static List<Expression> withImpliedEqualities(List<Expression> written) {
            List<Set<ExprId>> classes = new ArrayList<>();
            Map<ExprId, AttributeReference> columns = new LinkedHashMap<>();
            for (Expression condition : written) {
                if (columnEquality(condition)) {
                    Comparison equality = (Comparison) condition;
                    AttributeReference left = (AttributeReference) equality.left();
                    AttributeReference right = (AttributeReference) equality.right();
                    columns.putIfAbsent(left.exprId(), left);
                    columns.putIfAbsent(right.exprId(), right);
                    unite(classes, left.exprId(), right.exprId());
                }
            }
            List<Expression> all = new ArrayList<>(written);
            List<AttributeReference> ordered = new ArrayList<>(columns.values());
            for (int i = 0; i < ordered.size(); i++) {
                for (int j = i + 1; j < ordered.size(); j++) {
                    AttributeReference a = ordered.get(i);
                    AttributeReference b = ordered.get(j);
                    if (classOf(classes, a.exprId()).contains(b.exprId()) && !stated(written, a, b)) {
                        all.add(new Comparison(Comparison.Operator.EQUAL, a, b));
                    }
                }
            }
            return all;
        }

        private static boolean stated(List<Expression> written, AttributeReference a, AttributeReference b) {
            for (Expression condition : written) {
                if (columnEquality(condition)) {
                    Comparison equality = (Comparison) condition;
                    ExprId left = column(equality.left());
                    ExprId right = column(equality.right());
                    if (left.equals(a.exprId()) && right.equals(b.exprId()) || left.equals(b.exprId()) && right.equals(a.exprId())) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The class holding {@code id} (a class of its own when it is in none). */
        private static Set<ExprId> classOf(List<Set<ExprId>> classes, ExprId id) {
            for (Set<ExprId> equal : classes) {
                if (equal.contains(id)) {
                    return equal;
                }
            }
            return Set.of(id);
        }

        /** Puts {@code a} and {@code b} in one class; false when they already were. */
        private static boolean unite(List<Set<ExprId>> classes, ExprId a, ExprId b) {
            Set<ExprId> first = classOf(classes, a);
            Set<ExprId> second = classOf(classes, b);
            if (first.contains(b)) {
                return false;
            }
            Set<ExprId> united = new HashSet<>(first);
            united.addAll(second);
            classes.remove(first);
            classes.remove(second);
            classes.add(united);
            return true;
        }

        LogicalPlan join() {
            List<Part> parts = leaves.size() <= EXHAUSTIVE ? cheapestOrders() : new ArrayList<>(leaves);
            while (parts.size() > 1) {
                Candidate best = null;
                int left = 0;
                int right = 0;
                for (int i = 0; i < parts.size(); i++) {
                    for (int j = i + 1; j < parts.size(); j++) {
                        Candidate candidate = candidate(parts.get(i), parts.get(j));
                        if (candidate.betterThan(best)) {
                            best = candidate;
                            left = i;
                            right = j;
                        }
                    }
                }
                parts.set(left, joined(best));
                parts.remove(right);
            }
            Part root = parts.get(0);
            if (root.applied().size() < conditions.size()) {
                List<Expression> unapplied = new ArrayList<>();
                for (int i = 0; i < conditions.size(); i++) {
                    if (!root.applied().contains(i)) {
                        unapplied.add(conditions.get(i));
                    }
                }
                throw new IllegalStateException("join conditions over columns of no input: " + unapplied);
            }
            Set<LogicalPlan> formed = Collections.newSetFromMap(new IdentityHashMap<>());
            collectJoins(root, formed);
            return withSemiJoins(root.plan(), placeSemiJoins(root), formed);
        }

        /**
         * The leaves that do more than add columns, each set of them connected by equalities joined in its
         * cheapest order (over all pairs of subsets, smallest first), then the leaves that only add columns.
         */
        private List<Part> cheapestOrders() {
            Set<Integer> adding = onlyAddingColumns();
            List<Part> searched = new ArrayList<>();
            List<Part> added = new ArrayList<>();
            for (Part leaf : leaves) {
                (adding.contains(leaf.leaves().iterator().next()) ? added : searched).add(leaf);
            }
            int n = searched.size();
            Part[] best = new Part[1 << n];
            for (int i = 0; i < n; i++) {
                best[1 << i] = searched.get(i);
            }
            for (int set = 1; set < best.length; set++) {
                for (int subset = (set - 1) & set; subset > 0; subset = (subset - 1) & set) {
                    int rest = set ^ subset;
                    if (subset < rest || best[subset] == null || best[rest] == null) {
                        continue;
                    }
                    Candidate candidate = candidate(best[subset], best[rest]);
                    double cost = best[subset].cost() + best[rest].cost() + candidate.cost();
                    if (candidate.connection() == EQUALITY && (best[set] == null || cost < best[set].cost())) {
                        best[set] = joined(candidate);
                    }
                }
            }
            // The largest joined sets, each holding the first leaf not yet covered.
            List<Part> parts = new ArrayList<>();
            for (int rest = best.length - 1; rest != 0; ) {
                int first = rest & -rest;
                int chosen = first;
                for (int set = rest; set > 0; set = (set - 1) & rest) {
                    if ((set & first) != 0 && best[set] != null && Integer.bitCount(set) > Integer.bitCount(chosen)) {
                        chosen = set;
                    }
                }
                parts.add(best[chosen]);
                rest ^= chosen;
            }
            parts.addAll(added);
            return parts;
        }

        /**
         * The leaves that only add columns: unfiltered, and joined by equalities on their unique columns
         * or on those of other such leaves alone (Q10's customer, joined on its key and to nation's).
         */
        private Set<Integer> onlyAddingColumns() {
            Set<Integer> adding = new HashSet<>();
            for (int i = 0; i < leaves.size(); i++) {
                Part leaf = leaves.get(i);
                if (semiJoins.get(i).isEmpty() && leaf.estimate().rows() >= leaf.estimate().tableRows()) {
                    adding.add(i);
                }
            }
            for (boolean changed = true; changed; ) {
                changed = false;
                for (int leaf : List.copyOf(adding)) {
                    if (!joinedOnKeysOf(leaf, adding)) {
                        adding.remove(leaf);
                        changed = true;
                    }
                }
            }
            return adding;
        }

        /** Whether the leaf has conditions, all equalities on a unique column of it or of one of {@code adding}. */
        private boolean joinedOnKeysOf(int leaf, Set<Integer> adding) {
            Set<ExprId> columns = Predicates.ids(leaves.get(leaf).plan().output());
            boolean joined = false;
            for (int i = 0; i < conditions.size(); i++) {
                if (Collections.disjoint(references.get(i), columns)) {
                    continue;
                }
                if (!(conditions.get(i) instanceof Comparison comparison && comparison.operator() == Comparison.Operator.EQUAL
                        && adding.stream().anyMatch(other -> uniqueIn(comparison.left(), leaves.get(other))
                                || uniqueIn(comparison.right(), leaves.get(other))))) {
                    return false;
                }
                joined = true;
            }
            return joined;
        }

        /**
         * Joining two parts: on a unique column of the part from the smaller table, the other part's rows
         * filtered as that part; on other equalities, {@link Cardinality#manyToMany}. An equality between
         * columns already equal through the others is left out.
         */
        private Candidate candidate(Part a, Part b) {
            Part fact = a.estimate().tableRows() >= b.estimate().tableRows() ? a : b;
            Part dimension = fact == a ? b : a;
            Set<ExprId> available = Predicates.ids(a.plan().output());
            available.addAll(Predicates.ids(b.plan().output()));
            Set<Integer> applicable = new HashSet<>();
            List<Integer> kept = new ArrayList<>();
            List<Set<ExprId>> equal = new ArrayList<>(a.equal());
            equal.addAll(b.equal());
            boolean equality = false;
            boolean onKey = false;
            double selectivity = 1;
            for (int i = 0; i < conditions.size(); i++) {
                if (a.applied().contains(i) || b.applied().contains(i) || !available.containsAll(references.get(i))) {
                    continue;
                }
                applicable.add(i);
                Expression condition = conditions.get(i);
                if (columnEquality(condition) && !unite(equal, column(((Comparison) condition).left()),
                        column(((Comparison) condition).right()))) {
                    continue;
                }
                kept.add(i);
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
            double keptRows = onKey ? fact.estimate().rows() : Math.max(a.estimate().rows(), b.estimate().rows());
            boolean reduces = estimate.rows() < keptRows;
            // The planner builds on the key's side, else on the smaller one (see joined).
            double buildRows = onKey ? dimension.estimate().rows() : Math.min(a.estimate().rows(), b.estimate().rows());
            double probeRows = onKey ? fact.estimate().rows() : Math.max(a.estimate().rows(), b.estimate().rows());
            return new Candidate(a, b, connection, estimate, buildRows, probeRows, reduces, onKey, onKey ? fact.keys() : Set.of(), applicable,
                    kept, equal);
        }

        private static ExprId column(Expression attribute) {
            return ((AttributeReference) attribute).exprId();
        }

        private static boolean uniqueIn(Expression expression, Part part) {
            return expression instanceof AttributeReference attribute && part.keys().contains(attribute.exprId());
        }

        private Part joined(Candidate candidate) {
            Part a = candidate.a();
            Part b = candidate.b();
            // The planner builds on the right: on a key, the input from the smaller table (the probe side keeps
            // the written order's fact table on the left), otherwise the one with fewer rows.
            Part left = candidate.onKey() ? (b.estimate().tableRows() > a.estimate().tableRows() ? b : a)
                    : (b.estimate().rows() > a.estimate().rows() ? b : a);
            Part right = left == a ? b : a;
            List<Expression> kept = new ArrayList<>();
            for (int i : candidate.conditions()) {
                kept.add(conditions.get(i));
            }
            Join join = new Join(left.plan(), right.plan(), kept.isEmpty() ? JoinType.CROSS : JoinType.INNER, Predicates.and(kept));
            Set<Integer> joinedLeaves = new HashSet<>(a.leaves());
            joinedLeaves.addAll(b.leaves());
            Set<Integer> applied = new HashSet<>(a.applied());
            applied.addAll(b.applied());
            applied.addAll(candidate.applicable());
            return new Part(join, candidate.estimate(), candidate.keys(), Set.copyOf(joinedLeaves), Set.copyOf(applied),
                    List.copyOf(candidate.equal()), a.cost() + b.cost() + candidate.cost(), List.of(a, b));
        }

        private static void collectJoins(Part part, Set<LogicalPlan> formed) {
            if (!part.inputs().isEmpty()) {
                formed.add(part.plan());
                part.inputs().forEach(input -> collectJoins(input, formed));
            }
        }

        /**
         * Each leaf's semi joins go above the part on its path to the root where the rows they read (twice
         * when they are built on) and those the joins on the path read are fewest (the lowest of equals):
         * the joins under them read the leaf's rows unfiltered, those above them filtered by the semi
         * joins' estimated share.
         */
        private Map<LogicalPlan, List<Join>> placeSemiJoins(Part root) {
            Map<LogicalPlan, List<Join>> placed = new IdentityHashMap<>();
            for (int leaf = 0; leaf < semiJoins.size(); leaf++) {
                if (semiJoins.get(leaf).isEmpty()) {
                    continue;
                }
                List<Part> path = new ArrayList<>();
                for (Part part = root; ; ) {
                    path.add(0, part);
                    if (part.inputs().isEmpty()) {
                        break;
                    }
                    int held = leaf;
                    part = part.inputs().stream().filter(input -> input.leaves().contains(held)).findFirst().orElseThrow();
                }
                double share = Math.min(1, leaves.get(leaf).estimate().rows() / Math.max(1, unfilteredRows.get(leaf)));
                Part cheapest = null;
                double least = Double.POSITIVE_INFINITY;
                for (int at = 0; at < path.size(); at++) {
                    double read = 0;
                    for (Join semi : semiJoins.get(leaf)) {
                        read += semiJoinCost(semi, unfiltered(path.get(at), share));
                    }
                    for (int below = 0; below + 1 < path.size(); below++) {
                        double rows = unfiltered(path.get(below), share);
                        read += below < at ? rows : rows * share;
                    }
                    if (read < least) {
                        least = read;
                        cheapest = path.get(at);
                    }
                }
                placed.computeIfAbsent(cheapest.plan(), p -> new ArrayList<>()).addAll(semiJoins.get(leaf));
            }
            return placed;
        }

        /** The rows a semi or anti join reads from its input, twice when it is the smaller side (built on, see PhysicalPlanner). */
        private static double semiJoinCost(Join semi, double inputRows) {
            return inputRows < Cardinality.of(semi.right()).rows() ? Candidate.BUILD_WEIGHT * inputRows : inputRows;
        }

        /** A part's rows without the semi joins of a leaf it holds (its estimate counts them). */
        private static double unfiltered(Part part, double share) {
            return part.estimate().rows() / Math.max(share, 1e-9);
        }

        /** The joined plan with the semi joins placed: only the joins this group formed are rebuilt. */
        private static LogicalPlan withSemiJoins(LogicalPlan plan, Map<LogicalPlan, List<Join>> placed, Set<LogicalPlan> formed) {
            LogicalPlan rebuilt = plan;
            if (formed.contains(plan)) {
                Join join = (Join) plan;
                rebuilt = join.with(withSemiJoins(join.left(), placed, formed), withSemiJoins(join.right(), placed, formed),
                        join.joinType(), join.condition());
            }
            for (Join semi : placed.getOrDefault(plan, List.of())) {
                rebuilt = semi.with(rebuilt, semi.right(), semi.joinType(), semi.condition());
            }
            return rebuilt;
        }
    }
}
