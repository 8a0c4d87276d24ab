package dev.ember.events;

import dev.ember.plan.TreeText;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A node of the physical plan a SQL execution ran, with what it measured (summed over the
 * successful task attempts of every stage it ran in): plain values, for the UI, its REST API and
 * the event log, and the text EXPLAIN ANALYZE prints. Nodes are numbered in pre-order from 0.
 *
 * @param metrics empty for a node that never ran (the adaptive root, say)
 */
public record SqlPlanNode(int nodeId, String name, List<SqlMetric> metrics, List<SqlPlanNode> children) {

    /** The tree as EXPLAIN prints it, each node's figures after its description. */
    public String treeString() {
        return TreeText.render(this, SqlPlanNode::line, SqlPlanNode::children);
    }

    /** The node's description then its inline figures: {@code ... rows=1,234 time=12 ms spill=3.2 MiB (2 spills) peak=8.0 MiB}. */
    public String line() {
        String figures = metrics.stream().filter(SqlMetric::inline).map(SqlPlanNode::figure).collect(Collectors.joining(" "));
        return figures.isEmpty() ? name : name + " " + figures;
    }

    private static String figure(SqlMetric metric) {
        // The spill count reads best beside the spill size.
        return metric.label().equals("spills") ? "(" + metric.formatted() + (metric.value() == 1 ? " spill)" : " spills)")
                : metric.label() + "=" + metric.formatted();
    }

    /** Every node, this one first, in pre-order. */
    public List<SqlPlanNode> nodes() {
        List<SqlPlanNode> all = new java.util.ArrayList<>();
        collect(this, all);
        return all;
    }

    private static void collect(SqlPlanNode node, List<SqlPlanNode> all) {
        all.add(node);
        node.children().forEach(child -> collect(child, all));
    }
}
