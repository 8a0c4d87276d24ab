package dev.ember.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ember.expr.And;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.Comparison;
import dev.ember.expr.Comparison.Operator;
import dev.ember.expr.Expression;
import dev.ember.expr.IsNull;
import dev.ember.expr.Literal;
import dev.ember.expr.function.ReplacedCall;
import dev.ember.fs.FileEntry;
import dev.ember.fs.Location;
import dev.ember.plan.logical.FileRelation;
import dev.ember.plan.logical.Filter;
import dev.ember.plan.logical.Join;
import dev.ember.plan.logical.JoinType;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.source.ColumnStatistics;
import dev.ember.source.FileStatistics;
import dev.ember.source.Partitioning;
import dev.ember.source.TableStatistics;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Row counts, selectivities and unique keys estimated from the statistics a format gives of its files. */
class StatisticsEstimatesTest {
    private static final ColumnStatistics UNKNOWN = ColumnStatistics.UNKNOWN;

    /** A relation of {@code rows} rows whose columns have the given statistics, in one file of 4000 bytes. */
    private static FileRelation relation(long rows, List<StructField> fields, Map<String, ColumnStatistics> columns) {
        List<AttributeReference> attributes = fields.stream().map(f -> AttributeReference.create(f.name(), f.dataType(), true)).toList();
        FileStatistics statistics = columns == null ? FileStatistics.NONE
                : new FileStatistics(files -> new TableStatistics(rows, columns), List.of());
        return new FileRelation("parquet", List.of(new FileEntry(Location.of("/t/part-0.parquet"), 4000)), new StructType(fields),
                Partitioning.NONE, Map.of(), attributes, "t", statistics);
    }

    private static AttributeReference column(FileRelation relation, String name) {
        return relation.output().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private static double rows(LogicalPlan plan) {
        return Cardinality.of(plan).rows();
    }

    private static final StructField KEY = new StructField("key", AtomicType.LONG, true);
    private static final StructField DAY = new StructField("day", AtomicType.DATE, true);
    private static final StructField KIND = new StructField("kind", AtomicType.STRING, true);

    /** 1000 rows: keys 1 to 1000, days through 2020 (366 of them), 200 NULL days, kinds of 40 values. */
    private static FileRelation table() {
        return relation(1000, List.of(KEY, DAY, KIND), Map.of(
                "key", new ColumnStatistics(1L, 1000L, 0, -1),
                "day", new ColumnStatistics(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), 200, -1),
                "kind", new ColumnStatistics(null, null, 0, 40)));
    }

    @Test
    void rowsAreTheStatisticsCountElseTheBytesOfTheFiles() {
        assertThat(rows(table())).isEqualTo(1000);
        assertThat(rows(relation(1000, List.of(KEY), null))).isEqualTo(4000 / 40.0);
    }

    @Test
    void theStatisticsAreReadOnceForEveryCopyOfARelation() {
        AtomicInteger reads = new AtomicInteger();
        FileRelation relation = new FileRelation("parquet", List.of(), new StructType(List.of(KEY)), Partitioning.NONE, Map.of(),
                List.of(AttributeReference.create("key", AtomicType.LONG, true)), "t",
                new FileStatistics(files -> new TableStatistics(reads.incrementAndGet(), Map.of()), List.of()));
        assertThat(relation.statistics().rowCount()).isEqualTo(1);
        assertThat(relation.withPushedFilters(List.of()).statistics().rowCount()).isEqualTo(1);
        assertThat(reads).hasValue(1);
        // Pruned partitions have statistics of their own files.
        assertThat(relation.withPartitionsPruned(List.of(), List.of()).statistics().rowCount()).isEqualTo(2);
    }

    @Test
    void filesWhoseStatisticsCannotBeReadAreEstimatedFromTheirBytes() {
        FileRelation relation = new FileRelation("parquet", List.of(new FileEntry(Location.of("/t/bad.parquet"), 4000)),
                new StructType(List.of(KEY)), Partitioning.NONE, Map.of(), List.of(AttributeReference.create("key", AtomicType.LONG, true)), "t",
                new FileStatistics(files -> {
                    throw new java.io.IOException("not a Parquet file");
                }, List.of()));
        assertThat(relation.statistics()).isNull();
        assertThat(rows(relation)).isEqualTo(100);
    }

    @Test
    void aRangeKeepsItsOverlapWithTheBoundsAndItsConjunctsMakeOneInterval() {
        FileRelation table = table();
        AttributeReference day = column(table, "day");
        Expression february = new And(new Comparison(Operator.GREATER_THAN_OR_EQUAL, day, Literal.of(LocalDate.of(2020, 2, 1))),
                new Comparison(Operator.LESS_THAN, day, Literal.of(LocalDate.of(2020, 3, 1))));
        // 29 of 366 days, of the 800 rows with a day.
        assertThat(rows(new Filter(february, table))).isCloseTo(800 * 29 / 366.0, within(1e-9));
        Expression between = ReplacedCall.call("between", List.of(day, Literal.of(LocalDate.of(2020, 2, 1)), Literal.of(LocalDate.of(2020, 2, 29))),
                new And(new Comparison(Operator.GREATER_THAN_OR_EQUAL, day, Literal.of(LocalDate.of(2020, 2, 1))),
                        new Comparison(Operator.LESS_THAN_OR_EQUAL, day, Literal.of(LocalDate.of(2020, 2, 29)))));
        assertThat(rows(new Filter(between, table))).isCloseTo(800 * 29 / 366.0, within(1e-9));
        AttributeReference key = column(table, "key");
        assertThat(rows(new Filter(new Comparison(Operator.GREATER_THAN, key, Literal.of(750L)), table))).isCloseTo(250, within(1e-9));
        assertThat(rows(new Filter(new Comparison(Operator.LESS_THAN, Literal.of(750L), key), table))).isCloseTo(250, within(1e-9));
    }

    @Test
    void aRangeOutsideTheBoundsKeepsOneRowAndOneWithoutBoundsAThird() {
        FileRelation table = table();
        assertThat(rows(new Filter(new Comparison(Operator.GREATER_THAN, column(table, "key"), Literal.of(5000L)), table))).isEqualTo(1);
        FileRelation unknown = relation(1000, List.of(KEY), Map.of("key", UNKNOWN));
        assertThat(rows(new Filter(new Comparison(Operator.GREATER_THAN, column(unknown, "key"), Literal.of(5L)), unknown)))
                .isCloseTo(1000 / 3.0, within(1e-9));
    }

    @Test
    void anEqualityKeepsOneOfTheDistinctValues() {
        FileRelation table = table();
        assertThat(rows(new Filter(new Comparison(Operator.EQUAL, column(table, "key"), Literal.of(7L)), table))).isCloseTo(1, within(1e-9));
        assertThat(rows(new Filter(new Comparison(Operator.EQUAL, column(table, "kind"), Literal.of("a")), table))).isCloseTo(25, within(1e-9));
        assertThat(rows(new Filter(new Comparison(Operator.NOT_EQUAL, column(table, "kind"), Literal.of("a")), table))).isCloseTo(975, within(1e-9));
        // At most 366 days among the 800 rows that have one: a day's share of them.
        assertThat(rows(new Filter(new Comparison(Operator.EQUAL, column(table, "day"), Literal.of(LocalDate.of(2020, 5, 1))), table)))
                .isCloseTo(800 / 366.0, within(1e-9));
        // Keys 1 to 4000 in 1000 rows: the bounds say nothing of the distinct ones, a tenth.
        FileRelation sparse = relation(1000, List.of(KEY), Map.of("key", new ColumnStatistics(1L, 4000L, 0, -1)));
        assertThat(rows(new Filter(new Comparison(Operator.EQUAL, column(sparse, "key"), Literal.of(7L)), sparse))).isCloseTo(100, within(1e-9));
        FileRelation tiny = relation(5, List.of(KIND), Map.of("kind", UNKNOWN));
        assertThat(rows(new Filter(new Comparison(Operator.EQUAL, column(tiny, "kind"), Literal.of("a")), tiny))).isEqualTo(1);
    }

    @Test
    void nullsAreCounted() {
        FileRelation table = table();
        assertThat(rows(new Filter(new IsNull(column(table, "day"), false), table))).isCloseTo(200, within(1e-9));
        assertThat(rows(new Filter(new IsNull(column(table, "day"), true), table))).isCloseTo(800, within(1e-9));
    }

    @Test
    void withoutStatisticsFiltersKeepFixedShares() {
        FileRelation plain = relation(1000, List.of(KEY, KIND), null);
        assertThat(rows(new Filter(new Comparison(Operator.EQUAL, column(plain, "kind"), Literal.of("a")), plain))).isCloseTo(10, within(1e-9));
        assertThat(UniqueKeys.of(plain)).containsExactly(column(plain, "key").exprId());
    }

    @Test
    void uniqueKeysAreDenseIntegralColumnsAndFirstColumnsWithRoomForThem() {
        StructField sparse = new StructField("sparse", AtomicType.INT, true);
        FileRelation orders = relation(1000, List.of(sparse, KEY), Map.of(
                "sparse", new ColumnStatistics(1, 4000, 0, -1), "key", new ColumnStatistics(1L, 1000L, 0, -1)));
        assertThat(UniqueKeys.of(orders)).containsExactlyInAnyOrder(column(orders, "sparse").exprId(), column(orders, "key").exprId());
        // A first column of 250 values in 1000 rows repeats them (lineitem's orderkey, partsupp's partkey).
        FileRelation items = relation(1000, List.of(sparse, KEY), Map.of(
                "sparse", new ColumnStatistics(1, 250, 0, -1), "key", new ColumnStatistics(1L, 2000L, 0, -1)));
        assertThat(UniqueKeys.of(items)).isEmpty();
    }

    @Test
    void theLargeTableMeetsTheDimensionItsRareValueFiltersFirst() {
        // Q8's shape: 6 parts of 200 have the type (0.1 before), against 30% of the orders by their date.
        StructField partKey = new StructField("pk", AtomicType.LONG, true);
        StructField type = new StructField("type", AtomicType.STRING, true);
        FileRelation part = relation(200, List.of(partKey, type), Map.of(
                "pk", new ColumnStatistics(1L, 200L, 0, -1), "type", new ColumnStatistics(null, null, 0, 150)));
        StructField orderKey = new StructField("ok", AtomicType.LONG, true);
        FileRelation orders = relation(1500, List.of(orderKey, DAY), Map.of(
                "ok", new ColumnStatistics(1L, 6000L, 0, -1), "day", new ColumnStatistics(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), 0, -1)));
        StructField itemPart = new StructField("ipk", AtomicType.LONG, true);
        StructField itemOrder = new StructField("iok", AtomicType.LONG, true);
        FileRelation items = relation(6000, List.of(itemOrder, itemPart), Map.of(
                "iok", new ColumnStatistics(1L, 6000L, 0, -1), "ipk", new ColumnStatistics(1L, 200L, 0, -1)));
        LogicalPlan filteredOrders = new Filter(new Comparison(Operator.LESS_THAN, column(orders, "day"), Literal.of(LocalDate.of(2020, 4, 30))), orders);
        LogicalPlan filteredParts = new Filter(new Comparison(Operator.EQUAL, column(part, "type"), Literal.of("STEEL")), part);
        LogicalPlan written = new Join(new Join(items, filteredOrders, JoinType.INNER,
                new Comparison(Operator.EQUAL, column(items, "iok"), column(orders, "ok"))), filteredParts, JoinType.INNER,
                new Comparison(Operator.EQUAL, column(items, "ipk"), column(part, "pk")));
        LogicalPlan reordered = ReorderJoins.apply(written);
        List<FileRelation> innermost = new ArrayList<>();
        reordered.transformDown(node -> {
            if (node instanceof Join join && join.left() instanceof FileRelation left) {
                innermost.add(left);
                innermost.add((FileRelation) (join.right() instanceof Filter filter ? filter.child() : join.right()));
            }
            return node;
        });
        assertThat(innermost).containsExactly(items, part);
    }
}
