package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.expr.function.Explode;
import dev.ember.sql.types.AtomicType;
import dev.ember.vector.ArrayVector;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.MapVector;
import dev.ember.vector.VectorBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code explode}: each input row repeated once per element of its array or entry of its map; no row
 * for NULL or empty ones, except in the outer form, which gives them one row of NULLs.
 */
public final class GenerateExec extends UnaryExec {
    private static final long serialVersionUID = 1L;

    private final Expression array;
    private final boolean withPosition;
    private final boolean outer;
    private final List<AttributeReference> output;

    public GenerateExec(Explode generator, List<AttributeReference> output, PhysicalPlan child) {
        super(child);
        this.array = bind(generator.arguments().get(0), child.output());
        this.withPosition = generator.withPosition();
        this.outer = generator.outer();
        this.output = List.copyOf(output);
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        Operator input = child.open(context, partition);
        return new Operator() {
            @Override
            public Batch next() {
                for (Batch batch = input.next(); batch != null; batch = input.next()) {
                    Batch generated = generate(batch);
                    if (generated != null) {
                        return generated;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                input.close();
            }
        };
    }

    /** The rows {@code batch} generates, or null when there are none. */
    private Batch generate(Batch batch) {
        ColumnVector containers = array.eval(batch);
        int total = 0;
        for (int i = 0; i < batch.rowCount(); i++) {
            total += Math.max(length(containers, i), outer ? 1 : 0);
        }
        if (total == 0) {
            return null;
        }
        int[] rows = new int[total];
        // An element's position in the containers' flat element vector, or -1 for an outer row of NULLs.
        int[] elements = new int[total];
        int[] positions = new int[total];
        boolean padded = false;
        int at = 0;
        for (int i = 0; i < batch.rowCount(); i++) {
            int length = length(containers, i);
            if (length == 0 && outer) {
                rows[at] = i;
                elements[at++] = -1;
                padded = true;
                continue;
            }
            int start = containers instanceof MapVector maps ? maps.start(i) : ((ArrayVector) containers).start(i);
            for (int e = 0; e < length; e++) {
                rows[at] = i;
                elements[at] = start + e;
                positions[at++] = e;
            }
        }
        List<ColumnVector> columns = new ArrayList<>(batch.gather(rows, total).columns());
        if (withPosition) {
            boolean[] missing = padded ? new boolean[total] : null;
            for (int r = 0; padded && r < total; r++) {
                missing[r] = elements[r] < 0;
            }
            columns.add(new IntVector(AtomicType.INT, total, positions, missing));
        }
        if (containers instanceof MapVector maps) {
            columns.add(elementsAt(maps.keys(), elements, total, padded));
            columns.add(elementsAt(maps.values(), elements, total, padded));
        } else {
            columns.add(elementsAt(((ArrayVector) containers).elements(), elements, total, padded));
        }
        return new Batch(columns, total);
    }

    /** The elements at the positions, NULL where a position is -1 (only when {@code padded}). */
    private static ColumnVector elementsAt(ColumnVector elements, int[] positions, int count, boolean padded) {
        if (!padded) {
            return elements.gather(positions, count);
        }
        VectorBuilder out = VectorBuilder.create(elements.type(), count);
        for (int r = 0; r < count; r++) {
            if (positions[r] < 0) {
                out.appendNull();
            } else {
                out.appendFrom(elements, positions[r]);
            }
        }
        return out.build();
    }

    private static int length(ColumnVector container, int position) {
        if (container.isNull(position)) {
            return 0;
        }
        return container instanceof MapVector maps ? maps.length(position) : ((ArrayVector) container).length(position);
    }

    @Override
    public String nodeString() {
        return "Generate " + (withPosition ? "posexplode" : "explode") + (outer ? "_outer(" : "(") + array + ")";
    }
}
