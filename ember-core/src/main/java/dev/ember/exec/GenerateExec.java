package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.expr.function.Explode;
import dev.ember.sql.types.AtomicType;
import dev.ember.vector.ArrayVector;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import java.util.ArrayList;
import java.util.List;

/** {@code explode}: each input row repeated once per element of its array (no row for NULL or empty arrays). */
public final class GenerateExec extends UnaryExec {
    private static final long serialVersionUID = 1L;

    private final Expression array;
    private final boolean withPosition;
    private final List<AttributeReference> output;

    public GenerateExec(Explode generator, List<AttributeReference> output, PhysicalPlan child) {
        super(child);
        this.array = bind(generator.arguments().get(0), child.output());
        this.withPosition = generator.withPosition();
        this.output = List.copyOf(output);
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public Operator open(TaskContext context, int partition) {
        Operator input = child.open(context, partition);
        return new Operator() {
            @Override
            public Batch next() {
                for (Batch batch = input.next(); batch != null; batch = input.next()) {
                    ArrayVector arrays = (ArrayVector) array.eval(batch);
                    int total = 0;
                    for (int i = 0; i < batch.rowCount(); i++) {
                        total += arrays.isNull(i) ? 0 : arrays.length(i);
                    }
                    if (total == 0) {
                        continue;
                    }
                    int[] rows = new int[total];
                    int[] elements = new int[total];
                    int[] positions = new int[total];
                    int at = 0;
                    for (int i = 0; i < batch.rowCount(); i++) {
                        if (arrays.isNull(i)) {
                            continue;
                        }
                        for (int e = 0; e < arrays.length(i); e++) {
                            rows[at] = i;
                            elements[at] = arrays.start(i) + e;
                            positions[at++] = e;
                        }
                    }
                    List<ColumnVector> columns = new ArrayList<>(batch.gather(rows, total).columns());
                    if (withPosition) {
                        columns.add(new IntVector(AtomicType.INT, total, positions, null));
                    }
                    columns.add(arrays.elements().gather(elements, total));
                    return new Batch(columns, total);
                }
                return null;
            }

            @Override
            public void close() {
                input.close();
            }
        };
    }

    @Override
    public String nodeString() {
        return "Generate " + (withPosition ? "posexplode(" : "explode(") + array + ")";
    }
}
