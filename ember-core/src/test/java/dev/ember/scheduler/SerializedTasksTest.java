package dev.ember.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.rdd.Pair;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every task of every stage of real jobs survives Java serialization: the jobs run on a backend
 * that runs only deserialized copies of the tasks (and returns deserialized results), and give
 * what they give in local mode.
 */
class SerializedTasksTest {
    private static final String TABLES = """
            CREATE TEMPORARY VIEW customer AS SELECT id AS c_custkey, concat('Customer#', id) AS c_name,
                CASE id % 3 WHEN 0 THEN 'BUILDING' WHEN 1 THEN 'AUTOMOBILE' ELSE 'MACHINERY' END AS c_mktsegment FROM range(1, 60);
            CREATE TEMPORARY VIEW orders AS SELECT id AS o_orderkey, id % 59 + 1 AS o_custkey,
                date_add(DATE'1995-01-01', CAST(id % 400 AS INT)) AS o_orderdate FROM range(1, 600);
            CREATE TEMPORARY VIEW lineitem AS SELECT id % 599 + 1 AS l_orderkey, CAST(id % 97 AS DECIMAL(12, 2)) AS l_extendedprice,
                CAST(id % 10 AS DECIMAL(12, 2)) / 100 AS l_discount FROM range(0, 3000)
            """;
    /** TPC-H Q3's shape: three tables joined, filtered, grouped, ordered and limited. */
    private static final String Q3 = """
            SELECT l_orderkey, sum(l_extendedprice * (1 - l_discount)) AS revenue, o_orderdate
            FROM customer, orders, lineitem
            WHERE c_mktsegment = 'BUILDING' AND c_custkey = o_custkey AND l_orderkey = o_orderkey AND o_orderdate < DATE'1995-03-15'
            GROUP BY l_orderkey, o_orderdate
            ORDER BY revenue DESC, o_orderdate, l_orderkey
            LIMIT 10""";

    @Test
    void queryWithShuffledJoinsAndAggregationRunsFromSerializedTasks() {
        Function<EmberSession, List<Row>> q3 = session -> {
            session.sqlScript(TABLES);
            return session.sql(Q3).collectAsList();
        };
        int mapTasks = SerializingTaskBackend.MAP_TASKS.get();
        List<Row> serialized = withSession("serializing://3", q3);
        assertThat(SerializingTaskBackend.MAP_TASKS.get()).isGreaterThan(mapTasks);
        assertThat(serialized).hasSize(10).isEqualTo(withSession("local[3]", q3));
    }

    @Test
    void rddReduceByKeyRunsFromSerializedTasks() {
        Function<EmberSession, Map<Integer, Long>> counts = session -> session.context()
                .parallelize(IntStream.range(0, 1000).boxed().toList(), 4)
                .mapToPair(n -> Pair.of(n % 7, (long) n))
                .reduceByKey(Long::sum, 3)
                .collectAsMap();
        int resultTasks = SerializingTaskBackend.RESULT_TASKS.get();
        Map<Integer, Long> serialized = withSession("serializing://2", counts);
        assertThat(SerializingTaskBackend.RESULT_TASKS.get()).isGreaterThanOrEqualTo(resultTasks + 3);
        assertThat(serialized).hasSize(7).containsEntry(0, 71_071L).isEqualTo(withSession("local[2]", counts));
    }

    @Test
    void outerJoinResultsTravelWithTheirOptionals() {
        Function<EmberSession, List<String>> joined = session -> {
            var left = session.context().parallelizePairs(List.of(Pair.of(1, "a"), Pair.of(2, "b")), 2);
            var right = session.context().parallelizePairs(List.of(Pair.of(2, "x"), Pair.of(3, "y")), 2);
            return left.fullOuterJoin(right, 2).collect().stream().map(String::valueOf).sorted().toList();
        };
        List<String> serialized = withSession("serializing://2", joined);
        assertThat(serialized).containsExactly("(1,(Optional[a],Optional.empty))", "(2,(Optional[b],Optional[x]))",
                "(3,(Optional.empty,Optional[y]))").isEqualTo(withSession("local[2]", joined));
    }

    private static <R> R withSession(String master, Function<EmberSession, R> job) {
        try (EmberSession session = EmberSession.builder().master(master)
                .config("ember.sql.autoBroadcastJoinThreshold", "-1").config("ember.sql.adaptive.autoBroadcastJoinThreshold", "-1")
                .getOrCreate()) {
            return job.apply(session);
        }
    }
}
