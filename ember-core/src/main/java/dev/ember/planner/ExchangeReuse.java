package dev.ember.planner;

import dev.ember.exec.CanonicalPlan;
import dev.ember.exec.PhysicalPlan;
import dev.ember.exec.ShuffleExchangeExec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes equal exchanges once per query, the main plan and its scalar subqueries together
 * (Spark's ReuseExchange): plans pass through {@link #apply} in the order they run, and an
 * exchange equal ({@link CanonicalPlan}) to one seen before becomes a copy reading that one's
 * shuffle. Which exchanges recur is known beforehand from drafts of all the query's plans (needed
 * only when there are several), so that an exchange of a plan that runs before the last is
 * {@link ShuffleExchangeExec#kept} exactly when it recurs: its output then survives its own plan's run.
 */
public final class ExchangeReuse {
    private final CanonicalPlan.ExchangeKeys keys = new CanonicalPlan.ExchangeKeys();
    private final Map<Object, Integer> occurrences = new HashMap<>();
    private final Map<Object, ShuffleExchangeExec> computed = new HashMap<>();
    private final Set<Integer> keptShuffles = new LinkedHashSet<>();

    /** @param drafts the plans of the query as they will be planned (the values of subqueries not known yet); none for a query of one plan */
    public ExchangeReuse(List<PhysicalPlan> drafts) {
        drafts.forEach(this::count);
    }

    private void count(PhysicalPlan node) {
        if (node instanceof ShuffleExchangeExec exchange) {
            keys.of(exchange).ifPresent(key -> occurrences.merge(key, 1, Integer::sum));
        }
        node.children().forEach(this::count);
    }

    /**
     * {@code plan} with each exchange equal to one before it (in this plan or an earlier one) reading
     * that one's output. Unless {@code last}, the exchanges that recur are kept for the plans after.
     */
    public PhysicalPlan apply(PhysicalPlan plan, boolean last) {
        if (plan instanceof ShuffleExchangeExec exchange) {
            Optional<Object> key = keys.of(exchange);
            ShuffleExchangeExec earlier = key.map(computed::get).orElse(null);
            if (earlier != null) {
                return exchange.reading(earlier);
            }
            ShuffleExchangeExec rewritten = (ShuffleExchangeExec) exchange.withNewChildren(List.of(apply(exchange.child(), last)));
            if (key.isPresent() && !last && occurrences.getOrDefault(key.get(), 0) > 1) {
                rewritten = rewritten.kept();
                keptShuffles.add(rewritten.shuffleId());
                computed.put(key.get(), rewritten);
            } else if (key.isPresent() && last) {
                // Within the last plan an output lives as long as its run: any equal exchange may read it.
                computed.put(key.get(), rewritten);
            }
            return rewritten;
        }
        List<PhysicalPlan> children = new ArrayList<>();
        for (PhysicalPlan child : plan.children()) {
            children.add(apply(child, last));
        }
        return plan.withNewChildren(children);
    }

    /**
     * The kept shuffles {@code main}, the query's last plan, does not read: nothing will. Those it
     * reads are freed by its run, as its own exchanges' are.
     */
    public List<Integer> unreadBy(PhysicalPlan main) {
        Set<Integer> read = new LinkedHashSet<>();
        collectRead(main, read);
        return keptShuffles.stream().filter(id -> !read.contains(id)).toList();
    }

    /** Every kept shuffle: to free when the query fails before its last plan runs. */
    public List<Integer> kept() {
        return List.copyOf(keptShuffles);
    }

    private static void collectRead(PhysicalPlan node, Set<Integer> read) {
        if (node instanceof ShuffleExchangeExec exchange) {
            read.add(exchange.shuffleId());
        }
        node.shownChildren().forEach(child -> collectRead(child, read));
    }
}
