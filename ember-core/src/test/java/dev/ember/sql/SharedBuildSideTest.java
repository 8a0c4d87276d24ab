package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.events.SqlMetric;
import dev.ember.events.SqlPlanNode;
import dev.ember.memory.MemoryManager;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broadcast join's tasks share one build side per process: built once however many probe
 * partitions there are, its storage memory given back after the query; when that memory is
 * refused, each task builds its own and the answer is the same.
 */
class SharedBuildSideTest {
    /** 4 probe partitions of 100,000 rows against 5,000 dimension rows of about 200 bytes (1 MB), each matched by 20 probe rows. */
    private static final String QUERY = """
            SELECT count(*) AS c, sum(d.v) AS s, count(DISTINCT d.name) AS n
            FROM range(0, 100000, 1, 4) f JOIN (SELECT id AS k, id * 2 AS v, concat('dim-', CAST(id AS STRING), repeat('x', 200)) AS name
                                                 FROM range(0, 5000, 1, 2)) d
            ON f.id % 5000 = d.k""";
    private static final String ANSWER = "[100000,499900000,5000]";

    @TempDir
    static Path temp;

    private static EmberSession session;

    @BeforeAll
    static void start() {
        session = SpillTestSessions.session(temp.resolve("local"), "64m");
    }

    @AfterAll
    static void stop() {
        session.stop();
    }

    @Test
    void theBuildSideIsBuiltOncePerProcessAndReleasedAfterTheQuery() {
        long storageBefore = session.memoryManager().storageUsed();
        SqlPlanNode plan = measured(QUERY);
        SqlPlanNode join = join(plan);
        assertThat(join.name()).contains("broadcast right");
        assertThat(metric(join, "number of build rows")).as("built by one of the 4 tasks, read by all").isEqualTo(5000);
        assertThat(session.sql(QUERY).collectAsList().toString()).isEqualTo("[" + ANSWER + "]");
        assertThat(session.memoryManager().storageUsed()).as("the shared table's storage memory is given back").isEqualTo(storageBefore);
    }

    @Test
    void eachTaskBuildsItsOwnWhenStorageMemoryIsRefused() {
        MemoryManager memory = session.memoryManager();
        long storageBefore = memory.storageUsed();
        // Storage memory taken but for 1 MB: the shared table (over 1 MB) does not fit; each task spills its own.
        long held = memory.maxMemory() - memory.storageUsed() - memory.executionUsed() - (1 << 20);
        assertThat(memory.acquireStorage(held, "test")).isTrue();
        long spilledBefore = memory.diskBytesSpilled();
        try {
            SqlPlanNode join = join(measured(QUERY));
            assertThat(join.name()).contains("broadcast right");
            assertThat(metric(join, "number of build rows")).as("each of the 4 tasks built its own").isEqualTo(4 * 5000);
            assertThat(session.sql(QUERY).collectAsList().toString()).isEqualTo("[" + ANSWER + "]");
            assertThat(memory.diskBytesSpilled()).as("the tasks' own tables spilled").isGreaterThan(spilledBefore);
        } finally {
            memory.releaseStorage(held);
        }
        assertThat(memory.storageUsed()).isEqualTo(storageBefore);
    }

    private static SqlPlanNode measured(String query) {
        DataFrame frame = session.sql(query);
        return session.runMeasured(session.physicalPlan(frame.logicalPlan()), query).plan();
    }

    private static SqlPlanNode join(SqlPlanNode plan) {
        List<SqlPlanNode> joins = plan.nodes().stream().filter(node -> node.name().startsWith("HashJoin")).toList();
        assertThat(joins).hasSize(1);
        return joins.get(0);
    }

    private static long metric(SqlPlanNode node, String name) {
        return node.metrics().stream().filter(m -> m.name().equals(name)).findFirst().map(SqlMetric::value).orElse(0L);
    }
}
