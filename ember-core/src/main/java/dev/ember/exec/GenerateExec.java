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
import java.util.ArrayList;
import java.util.List;

/** {@code explode}: each input row repeated once per element of its array or entry of its map (no row for NULL or empty ones). */
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
    protected Operator doOpen(TaskContext context, int partition) {
        Operator input = child.open(context, partition);
        return new Operator() {
            @Override
            public Batch next() {
                for (Batch batch = input.next(); batch != null; batch = input.next()) {
                    ColumnVector containers = array.eval(batch);
                    int total = 0;
                    for (int i = 0; i < batch.rowCount(); i++) {
                        total += containers.isNull(i) ? 0 : length(containers, i);
                    }
                    if (total == 0) {
                        continue;
                    }
                    int[] rows = new int[total];
                    int[] elements = new int[total];
                    int[] positions = new int[total];
                    int at = 0;
                    for (int i = 0; i < batch.rowCount(); i++) {
                        if (containers.isNull(i)) {
                            continue;
                        }
                        int start = containers instanceof MapVector maps ? maps.start(i) : ((ArrayVector) containers).start(i);
                        for (int e = 0; e < length(containers, i); e++) {
                            rows[at] = i;
                            elements[at] = start + e;
                            positions[at++] = e;
                        }
                    }
                    List<ColumnVector> columns = new ArrayList<>(batch.gather(rows, total).columns());
                    if (withPosition) {
                        columns.add(new IntVector(AtomicType.INT, total, positions, null));
                    }
                    if (containers instanceof MapVector maps) {
                        columns.add(maps.keys().gather(elements, total));
                        columns.add(maps.values().gather(elements, total));
                    } else {
                        columns.add(((ArrayVector) containers).elements().gather(elements, total));
                    }
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

    private static int length(ColumnVector container, int position) {
        return container instanceof MapVector maps ? maps.length(position) : ((ArrayVector) container).length(position);
    }

    @Override
    public String nodeString() {
        return "Generate " + (withPosition ? "posexplode(" : "explode(") + array + ")";
    }
}
