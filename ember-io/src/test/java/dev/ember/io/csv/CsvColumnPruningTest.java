package dev.ember.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.optimizer.Optimizer;
import dev.ember.plan.logical.FileRelation;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optimizer narrows CSV scans to the columns a query reads, and the answers stay the same. */
class CsvColumnPruningTest {
    @TempDir
    Path dir;

    @Test
    void scansReadOnlyTheColumnsTheQueryUses() throws IOException {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "id,name,amount,city\n1,a,10,x\n2,b,20,y\n3,c,30,x\n");
        try (EmberSession ember = EmberSession.builder().master("local[2]").getOrCreate()) {
            ember.sql("CREATE TEMPORARY VIEW t USING csv OPTIONS (path '" + file + "', header 'true', inferSchema 'true')");
            String query = "SELECT city, sum(amount) AS total FROM t WHERE id > 1 GROUP BY city ORDER BY city";

            assertThat(scannedColumns(Optimizer.optimize(ember.sql(query).logicalPlan()))).containsExactly(List.of("id", "amount", "city"));
            assertThat(ember.sql(query).collectAsList()).containsExactly(Row.of("x", 30L), Row.of("y", 20L));
            assertThat(scannedColumns(Optimizer.optimize(ember.sql("SELECT count(*) FROM t").logicalPlan()))).containsExactly(List.of("id"));
            assertThat(ember.sql("SELECT count(*) FROM t").collectAsList()).containsExactly(Row.of(3L));
            // A view used twice: each use keeps its own identities; the scan reads what either needs.
            assertThat(ember.sql("SELECT a.name, b.city FROM t a JOIN t b ON a.id = b.id + 1 ORDER BY a.name").collectAsList())
                    .containsExactly(Row.of("b", "x"), Row.of("c", "y"));
        }
    }

    private static List<List<String>> scannedColumns(LogicalPlan plan) {
        List<List<String>> scans = new ArrayList<>();
        plan.transformDown(node -> {
            if (node instanceof FileRelation relation) {
                scans.add(relation.output().stream().map(a -> a.name()).toList());
            }
            return node;
        });
        return scans;
    }
}
