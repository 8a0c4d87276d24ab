package dev.ember.io.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE TABLE, INSERT, DROP TABLE and INSERT OVERWRITE DIRECTORY over a warehouse directory that outlives the session. */
class TableCommandsTest {
    @TempDir
    Path dir;

    private EmberSession session() {
        return EmberSession.builder().master("local[2]").config("spark.sql.warehouse.dir", dir.resolve("warehouse").toString()).getOrCreate();
    }

    private static List<String> rows(EmberSession ember, String sql) {
        return ember.sql(sql).collectAsList().stream().map(Row::toString).toList();
    }

    private static String errorOf(Runnable statement) {
        try {
            statement.run();
            return "none";
        } catch (EmberException e) {
            return e.errorClass().name();
        }
    }

    @Test
    void tablesSurviveTheSession() {
        try (EmberSession ember = session()) {
            ember.sql("CREATE TABLE sales USING csv PARTITIONED BY (region) AS SELECT * FROM VALUES ('eu', 1, 2.5), ('us', 2, 1.0) AS t(region, id, amount)");
            ember.sql("INSERT INTO sales VALUES (3, 4.0, 'eu')");
            assertThat(rows(ember, "SELECT * FROM sales ORDER BY id")).containsExactly("[1,2.5,eu]", "[2,1.0,us]", "[3,4.0,eu]");
            assertThat(dir.resolve("warehouse/sales/region=eu")).isDirectory();
        }
        try (EmberSession ember = session()) {
            assertThat(rows(ember, "SHOW TABLES")).containsExactly("[default,sales,false]");
            assertThat(rows(ember, "DESCRIBE sales")).containsExactly("[id,int,null]", "[amount,decimal(2,1),null]", "[region,string,null]",
                    "[# Partition Information,,]", "[# col_name,data_type,comment]", "[region,string,null]");
            assertThat(rows(ember, "SELECT sum(id) FROM default.sales WHERE region = 'eu'")).containsExactly("[4]");
            ember.sql("INSERT OVERWRITE TABLE sales SELECT 9, 9.9, 'us'");
            assertThat(rows(ember, "SELECT * FROM spark_catalog.default.sales")).containsExactly("[9,9.9,us]");
            ember.sql("DROP TABLE sales");
            assertThat(dir.resolve("warehouse/sales")).doesNotExist();
            assertThat(errorOf(() -> ember.sql("SELECT * FROM sales"))).isEqualTo("TABLE_OR_VIEW_NOT_FOUND");
            assertThat(errorOf(() -> ember.sql("DROP TABLE sales"))).isEqualTo("TABLE_OR_VIEW_NOT_FOUND");
            ember.sql("DROP TABLE IF EXISTS sales");
        }
    }

    @Test
    void tablesWithColumnsOrALocation() {
        try (EmberSession ember = session()) {
            ember.sql("CREATE TABLE t (a INT, p STRING, b STRING) USING csv PARTITIONED BY (p)");
            assertThat(ember.sql("SELECT * FROM t").columns()).containsExactly("a", "b", "p");
            assertThat(rows(ember, "SELECT * FROM t")).isEmpty();
            ember.sql("INSERT INTO TABLE t SELECT 1, 'x', 'k'");
            assertThat(rows(ember, "SELECT * FROM t")).containsExactly("[1,x,k]");
            assertThat(errorOf(() -> ember.sql("CREATE TABLE t (a INT) USING csv"))).isEqualTo("TABLE_OR_VIEW_ALREADY_EXISTS");
            ember.sql("CREATE TABLE IF NOT EXISTS t (a INT) USING csv");
            assertThat(errorOf(() -> ember.sql("INSERT INTO t SELECT 1, 2"))).isEqualTo("INSERT_COLUMN_ARITY_MISMATCH");

            String external = dir.resolve("external").toString();
            ember.sql("INSERT OVERWRITE DIRECTORY '" + external + "' USING csv OPTIONS (header 'true') SELECT 1 AS id, 'a' AS name");
            ember.sql("CREATE TABLE ext USING csv OPTIONS (header 'true', inferSchema 'true') LOCATION '" + external + "'");
            assertThat(rows(ember, "SELECT id + 1, name FROM ext")).containsExactly("[2,a]");
            ember.sql("DROP TABLE ext");
            assertThat(Path.of(external)).isDirectory();
            ember.sql("DROP TABLE t");
        }
    }

    @Test
    void managedLocationMustBeFree() throws Exception {
        Files.createDirectories(dir.resolve("warehouse/taken"));
        Files.writeString(dir.resolve("warehouse/taken/x.csv"), "1\n");
        try (EmberSession ember = session()) {
            assertThat(errorOf(() -> ember.sql("CREATE TABLE taken USING csv AS SELECT 1 AS a"))).isEqualTo("LOCATION_ALREADY_EXISTS");
            assertThat(rows(ember, "SHOW TABLES")).isEmpty();
        }
    }
}
