package dev.ember.exec;

import static java.util.Objects.requireNonNull;

import dev.ember.error.EmberException;
import dev.ember.expr.BoundReference;
import dev.ember.expr.Expression;
import dev.ember.scheduler.SharedShuffleValues;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Whether a row's keys are among the keys of a finished shuffle's rows: a runtime key filter, as
 * Spark's runtime filters are, which adaptive execution adds to the side of a semi or anti join
 * whose rows only mark the other side's, once the other side's keys turn out few, so that the rows
 * no key can match are dropped before their exchange. Keys compare as the join compares them: a
 * NULL key is in no table, except under {@code <=>}. Never NULL itself.
 *
 * <p>Each process builds the keys' set once from the shuffle's whole output ({@code source},
 * read by the task that builds it) and its tasks share it, as they share a broadcast join's table
 * ({@link SharedShuffleValues}); so no table travels with the tasks. One integer key whose range
 * is small enough is a {@link KeyBitmap}, other keys a {@link KeyTable}. When storage memory
 * refuses the set, every row is kept: the join still drops those without a match.
 */
public final class KeysIn extends Expression {
    private static final long serialVersionUID = 1L;

    private final List<Expression> keys;
    private final ShuffleReadExec source;
    private final List<Expression> sourceKeys;
    private final List<Boolean> nullSafe;

    /**
     * @param keys       the row's keys, bound to the input this predicate reads
     * @param source     a finished exchange's whole output, in one partition
     * @param sourceKeys the keys of {@code source}'s rows, bound to its output
     * @param nullSafe   per key, whether it compares with {@code <=>} (NULL equals NULL)
     */
    public KeysIn(List<Expression> keys, ShuffleReadExec source, List<Expression> sourceKeys, List<Boolean> nullSafe) {
        this.keys = List.copyOf(keys);
        this.source = requireNonNull(source, "source is null");
        this.sourceKeys = List.copyOf(sourceKeys);
        this.nullSafe = List.copyOf(nullSafe);
        if (source.partitionCount() != 1 || keys.size() != sourceKeys.size() || keys.size() != nullSafe.size()) {
            throw EmberException.internal("a key filter needs as many keys on both sides, read from one partition: " + this, null);
        }
    }

    /** The plan whose rows hold the keys: a shuffle this predicate reads besides its operator's input. */
    public PhysicalPlan source() {
        return source;
    }

    @Override
    public List<Expression> children() {
        return keys;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(keys, children) ? this : new KeysIn(children, source, sourceKeys, nullSafe);
    }

    @Override
    public DataType dataType() {
        return AtomicType.BOOLEAN;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        return evalAt(input, IntStream.range(0, n).toArray(), n);
    }

    @Override
    public BooleanVector evalAt(Batch input, int[] rows, int count) {
        return selectedValues(input, rows, count);
    }

    /** The rows among those given whose keys the source has: only their keys are probed, in one pass. */
    @Override
    protected int selectNonNull(Batch input, int[] rows, int count, int[] selected) {
        Optional<Object> keySet = keySet();
        if (keySet.isEmpty()) {
            System.arraycopy(rows, 0, selected, 0, count);
            return count;
        }
        if (keySet.get() instanceof KeyBitmap bitmap) {
            if (keys.get(0) instanceof BoundReference column) {
                return bitmap.select(input.column(column.ordinal()), rows, count, selected);
            }
            // A computed key, at the given rows only: positions 0..count) of its vector.
            ColumnVector key = keysAt(input, rows, count)[0];
            int[] found = new int[count];
            Arrays.setAll(found, k -> k);
            int kept = bitmap.select(key, found, count, found);
            for (int k = 0; k < kept; k++) {
                selected[k] = rows[found[k]];
            }
            return kept;
        }
        ColumnVector[] columns = keysAt(input, rows, count);
        KeyTable.Found found = ((KeyTable) keySet.get()).findPresent(columns, count);
        int kept = 0;
        // found.rows() ascend, so each row is read before its place in selected (which may be rows) is written.
        for (int f = 0; f < found.count(); f++) {
            int at = found.rows()[f];
            if (!nullKey(columns, at)) {
                selected[kept++] = rows[at];
            }
        }
        return kept;
    }

    /**
     * The keys at the given rows, computed there only: a row an earlier conjunct rejected must raise
     * no error here. A key that is a column is copied out alone, not the other columns of the rows.
     */
    private ColumnVector[] keysAt(Batch input, int[] rows, int count) {
        boolean every = count == input.rowCount();
        Batch given = every ? input : null;
        ColumnVector[] columns = new ColumnVector[keys.size()];
        for (int k = 0; k < columns.length; k++) {
            Expression key = keys.get(k);
            if (!every && key instanceof BoundReference column) {
                columns[k] = input.column(column.ordinal()).gather(rows, count);
            } else {
                given = given == null ? input.gather(rows, count) : given;
                columns[k] = key.eval(given);
            }
        }
        return columns;
    }

    /** Whether key row {@code at} has a NULL where NULL matches nothing (the table holds NULL as a value, for {@code <=>}). */
    private boolean nullKey(ColumnVector[] columns, int at) {
        for (int k = 0; k < columns.length; k++) {
            if (!nullSafe.get(k) && columns[k].isNull(at)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The source's keys as the running task's process probes them, made on first use: a
     * {@link KeyBitmap} when the key is one integer column whose range it covers cheaply (NULL
     * matching nothing), else a {@link KeyTable}; empty when storage memory refused them.
     */
    private Optional<Object> keySet() {
        TaskContext context = TaskContext.get();
        if (context == null) {
            throw EmberException.internal("a key filter is evaluated outside a task: " + this, null);
        }
        return context.taskLocal(this, () -> Optional.ofNullable(context.shuffles().sharedValues().get(
                source.exchange().shuffleId(), new Purpose(CanonicalPlan.of(sourceKeys), nullSafe), reservation -> build(context, reservation))));
    }

    /** Tells these keys apart from others made of the same shuffle (a join's table, other keys). */
    private record Purpose(Object keys, List<Boolean> nullSafe) {
    }

    /** The bitmap or table of the source's keys, their memory reserved as they grow; {@code null} when refused. */
    private Object build(TaskContext context, SharedShuffleValues.Reservation reservation) {
        List<DataType> types = sourceKeys.stream().map(Expression::dataType).toList();
        List<Batch> batches = new ArrayList<>();
        int rows = 0;
        try (Operator input = source.open(context, 0)) {
            for (Batch batch = input.next(); batch != null; batch = input.next()) {
                Batch keyColumns = new Batch(List.of(HashJoinExec.evalKeys(sourceKeys, batch)), batch.rowCount());
                if (!reservation.tryReserve(keyColumns.retainedBytes())) {
                    return null;
                }
                batches.add(keyColumns);
                rows += batch.rowCount();
            }
        }
        Batch all = Batch.concat(batches, types, rows);
        ColumnVector[] columns = all.columns().toArray(ColumnVector[]::new);
        // The probed keys have the source's types (a join's keys are coerced to one type), so the same layouts.
        KeyBitmap bitmap = columns.length == 1 && !nullSafe.get(0) && KeyBitmap.reads(columns[0]) ? KeyBitmap.of(columns[0]) : null;
        Object built;
        long bytes;
        if (bitmap != null) {
            built = bitmap;
            bytes = bitmap.retainedBytes();
        } else {
            KeyTable table = new KeyTable(types);
            table.insertAll(columns, rows);
            table.filterProbes();
            built = table;
            bytes = table.retainedBytes();
        }
        long more = bytes - reservation.reserved();
        if (more < 0) {
            reservation.release(-more);
        } else if (!reservation.tryReserve(more)) {
            return null;
        }
        return built;
    }

    @Override
    public String toString() {
        String probed = keys.size() == 1 ? keys.get(0).toString() : keys.stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
        return probed + " IN keys" + sourceKeys.stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"))
                + " of shuffle " + source.exchange().shuffleId();
    }
}
