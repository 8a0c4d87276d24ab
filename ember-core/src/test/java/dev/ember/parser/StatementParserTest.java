package dev.ember.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.plan.command.CreateView;
import dev.ember.plan.command.CreateViewUsing;
import dev.ember.plan.command.Describe;
import dev.ember.plan.command.CreateTable;
import dev.ember.plan.command.DropTable;
import dev.ember.plan.command.DropView;
import dev.ember.plan.command.InsertIntoTable;
import dev.ember.plan.command.InsertOverwriteDirectory;
import dev.ember.plan.command.Explain;
import dev.ember.plan.command.SetConfig;
import dev.ember.plan.command.ShowTables;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Project;
import dev.ember.plan.logical.UnresolvedRelation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementParserTest {
    private static LogicalPlan parse(String sql) {
        return SqlParser.parseStatement(sql);
    }

    private static void assertUnsupported(String sql, String feature) {
        assertThatThrownBy(() -> parse(sql))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.UNSUPPORTED_FEATURE))
                .hasMessageStartingWith("[UNSUPPORTED_FEATURE] The feature is not supported: " + feature + ".");
    }

    @Test
    void splitsStatementsAtSemicolonsOutsideStringsAndComments() {
        List<LogicalPlan> statements = SqlParser.parseStatements(
                ";SELECT ';' AS a; -- a comment; with a semicolon\n;; SELECT /* ; */ 2;\nSET x = a;SHOW TABLES;");
        assertThat(statements).hasSize(4);
        assertThat(statements.get(0).treeString()).startsWith("Project [; AS a]");
        assertThat(statements.get(1).treeString()).startsWith("Project [2]");
        assertThat(((SetConfig) statements.get(2)).value()).isEqualTo("a");
        assertThat(statements.get(3)).isInstanceOf(ShowTables.class);
        assertThat(SqlParser.parseStatements("  -- nothing\n ; ")).isEmpty();
    }

    @Test
    void positionsInLaterStatementsCountFromTheStartOfTheText() {
        assertThatThrownBy(() -> SqlParser.parseStatements("SELECT 1;\nSELECT 2 +;"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near ';'. SQLSTATE: 42601 (line 2, pos 10)");
        List<LogicalPlan> statements = SqlParser.parseStatements("SELECT 1;\n  SELECT * FROM t");
        UnresolvedRelation relation = (UnresolvedRelation) ((Project) statements.get(1)).child();
        assertThat(relation.position().line()).isEqualTo(2);
        assertThat(relation.position().column()).isEqualTo(17);
    }

    @Test
    void parseStatementTakesExactlyOne() {
        assertThat(parse("SELECT 1;;")).isInstanceOf(Project.class);
        assertThatThrownBy(() -> parse("SELECT 1; SELECT 2"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELECT': extra input 'SELECT'."
                        + " SQLSTATE: 42601 (line 1, pos 10)");
        assertThatThrownBy(() -> parse("  "))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input.");
        assertThatThrownBy(() -> parse("SELCT 1"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELCT'. SQLSTATE: 42601 (line 1, pos 0)");
    }

    @Test
    void createTemporaryViewAsQuery() {
        CreateView view = (CreateView) parse("CREATE TEMPORARY VIEW v AS SELECT a FROM t");
        assertThat(view.name()).isEqualTo("v");
        assertThat(view.replace()).isFalse();
        assertThat(view.query().treeString()).isEqualTo("""
                Project [a]
                +- 'UnresolvedRelation [t]
                """);
        CreateView replaced = (CreateView) parse("create or replace temp view `my view` as with x as (select 1) select * from x");
        assertThat(replaced.name()).isEqualTo("my view");
        assertThat(replaced.replace()).isTrue();
        assertThat(replaced.query().nodeString()).isEqualTo("WithCte [x]");
    }

    @Test
    void createTemporaryViewUsingADataSource() {
        CreateViewUsing view = (CreateViewUsing) parse("CREATE OR REPLACE TEMPORARY VIEW people"
                + " (id INT, name STRING NOT NULL, tags array<string>) USING csv"
                + " OPTIONS (path '/data/people.csv', 'header' = 'true', inferSchema true, sep = ',', maxColumns 100,"
                + " spark.sql.x \"y\")");
        assertThat(view.name()).isEqualTo("people");
        assertThat(view.format()).isEqualTo("csv");
        assertThat(view.replace()).isTrue();
        assertThat(view.schemaDdl()).isEqualTo("id INT, name STRING NOT NULL, tags array<string>");
        assertThat(view.options()).isEqualTo(Map.of("path", "/data/people.csv", "header", "true", "inferSchema", "true",
                "sep", ",", "maxColumns", "100", "spark.sql.x", "y"));
        CreateViewUsing plain = (CreateViewUsing) parse("CREATE TEMP VIEW t USING org.apache.spark.sql.parquet");
        assertThat(plain.format()).isEqualTo("org.apache.spark.sql.parquet");
        assertThat(plain.schemaDdl()).isNull();
        assertThat(plain.options()).isEmpty();
    }

    @Test
    void createViewErrors() {
        assertUnsupported("CREATE VIEW v AS SELECT 1", "persistent views; use CREATE TEMPORARY VIEW");
        assertUnsupported("CREATE GLOBAL TEMPORARY VIEW v AS SELECT 1", "global temporary views");
        assertUnsupported("CREATE OR REPLACE TABLE t (a INT) USING csv", "Table `spark_catalog`.`default`.`t` does not support REPLACE TABLE");
        assertUnsupported("CREATE OR REPLACE TABLE t USING csv AS SELECT 1",
                "Table `spark_catalog`.`default`.`t` does not support REPLACE TABLE AS SELECT");
        assertUnsupported("CREATE TEMPORARY VIEW v (a, b) AS SELECT 1, 2", "column names in CREATE VIEW ... AS");
        assertThatThrownBy(() -> parse("CREATE TEMPORARY VIEW IF NOT EXISTS v AS SELECT 1"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'IF': a TEMPORARY view cannot be"
                        + " created with IF NOT EXISTS.");
        assertThatThrownBy(() -> parse("CREATE TEMPORARY VIEW v (a INT, b) USING csv"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near ')': missing data type.");
        assertThatThrownBy(() -> parse("CREATE TEMPORARY VIEW v USING csv OPTIONS (a '1', a '2')"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'a': duplicate option 'a'."
                        + " SQLSTATE: 42601 (line 1, pos 50)");
        assertThatThrownBy(() -> parse("CREATE TEMPORARY VIEW db.v AS SELECT 1"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near '.': a temporary view name cannot be qualified.");
    }

    @Test
    void dropView() {
        DropView drop = (DropView) parse("DROP VIEW v");
        assertThat(drop.name()).isEqualTo("v");
        assertThat(drop.ifExists()).isFalse();
        DropView ifExists = (DropView) parse("drop view if exists global_temp.v");
        assertThat(ifExists.name()).isEqualTo("global_temp.v");
        assertThat(ifExists.ifExists()).isTrue();
        DropTable table = (DropTable) parse("DROP TABLE IF EXISTS default.t");
        assertThat(table.name()).isEqualTo("t");
        assertThat(table.ifExists()).isTrue();
    }

    @Test
    void createTable() {
        CreateTable create = (CreateTable) parse("CREATE TABLE IF NOT EXISTS spark_catalog.default.t (a INT, p STRING) USING csv"
                + " PARTITIONED BY (p) OPTIONS (header 'true') LOCATION '/tmp/t' COMMENT 'c'");
        assertThat(create.name()).isEqualTo("t");
        assertThat(create.ifNotExists()).isTrue();
        assertThat(create.schemaDdl()).isEqualTo("a INT, p STRING");
        assertThat(create.format()).isEqualTo("csv");
        assertThat(create.partitionColumns()).containsExactly("p");
        assertThat(create.options()).containsEntry("header", "true");
        assertThat(create.location()).isEqualTo("/tmp/t");
        assertThat(create.query()).isNull();
        CreateTable ctas = (CreateTable) parse("CREATE TABLE t USING parquet AS SELECT 1 AS a");
        assertThat(ctas.query()).isNotNull();
        assertThat(ctas.schemaDdl()).isNull();
        assertThatThrownBy(() -> parse("CREATE TABLE t (a INT) USING csv AS SELECT 1"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'AS': Operation not allowed");
        assertUnsupported("CREATE TABLE db.t (a INT)", "tables outside the default database: db.t");
    }

    @Test
    void insert() {
        InsertIntoTable into = (InsertIntoTable) parse("INSERT INTO t VALUES (1)");
        assertThat(into.name()).isEqualTo("t");
        assertThat(into.overwrite()).isFalse();
        InsertIntoTable overwrite = (InsertIntoTable) parse("INSERT OVERWRITE TABLE t SELECT 1");
        assertThat(overwrite.overwrite()).isTrue();
        InsertOverwriteDirectory directory = (InsertOverwriteDirectory) parse(
                "INSERT OVERWRITE LOCAL DIRECTORY '/tmp/out' USING csv OPTIONS (header 'true') SELECT 1");
        assertThat(directory.path()).isEqualTo("/tmp/out");
        assertThat(directory.format()).isEqualTo("csv");
        assertThat(directory.options()).containsEntry("header", "true");
        assertThat(((InsertOverwriteDirectory) parse("INSERT OVERWRITE DIRECTORY USING csv OPTIONS (path '/x') SELECT 1")).path()).isNull();
        InsertIntoTable partitioned = (InsertIntoTable) parse("INSERT INTO t PARTITION (p = 1, q) (b, a) SELECT 1, 2");
        assertThat(partitioned.partition()).containsOnlyKeys("p", "q").containsEntry("q", null);
        assertThat(partitioned.partition().get("p")).hasToString("1");
        assertThat(partitioned.columns()).containsExactly("b", "a");
        assertThat(into.partition()).isEmpty();
        assertThat(into.columns()).isEmpty();
    }

    @Test
    void showTables() {
        assertThat(((ShowTables) parse("SHOW TABLES")).pattern()).isNull();
        assertThat(((ShowTables) parse("show tables like 'p*|q'")).pattern()).isEqualTo("p*|q");
        assertThat(((ShowTables) parse("SHOW TABLES 'x*'")).pattern()).isEqualTo("x*");
        assertUnsupported("SHOW TABLES IN db", "SHOW TABLES of another database");
        assertUnsupported("SHOW FUNCTIONS", "SHOW FUNCTIONS");
    }

    @Test
    void describe() {
        Describe table = (Describe) parse("DESCRIBE TABLE db.t");
        assertThat(((UnresolvedRelation) table.target()).nameParts()).containsExactly("db", "t");
        Describe desc = (Describe) parse("desc t");
        assertThat(((UnresolvedRelation) desc.target()).nameParts()).containsExactly("t");
        Describe named = (Describe) parse("DESCRIBE table");
        assertThat(((UnresolvedRelation) named.target()).nameParts()).containsExactly("table");
        Describe query = (Describe) parse("DESCRIBE QUERY SELECT a FROM t");
        assertThat(query.target()).isInstanceOf(Project.class);
        Describe bareQuery = (Describe) parse("DESC SELECT 1");
        assertThat(bareQuery.target()).isInstanceOf(Project.class);
        assertUnsupported("DESCRIBE EXTENDED t", "DESCRIBE EXTENDED");
        assertUnsupported("DESCRIBE t a", "DESCRIBE of a column or partition");
    }

    @Test
    void explain() {
        Explain simple = (Explain) parse("EXPLAIN SELECT 1");
        assertThat(simple.mode()).isEqualTo(Explain.Mode.SIMPLE);
        assertThat(simple.query()).isInstanceOf(Project.class);
        assertThat(((Explain) parse("explain extended select 1")).mode()).isEqualTo(Explain.Mode.EXTENDED);
        Explain formatted = (Explain) parse("EXPLAIN FORMATTED CREATE TEMP VIEW v AS SELECT 1");
        assertThat(formatted.mode()).isEqualTo(Explain.Mode.FORMATTED);
        assertThat(formatted.query()).isInstanceOf(CreateView.class);
        assertThat(((Explain) parse("EXPLAIN COST SELECT 1")).mode()).isEqualTo(Explain.Mode.COST);
        assertUnsupported("EXPLAIN CODEGEN SELECT 1", "EXPLAIN CODEGEN");
    }

    @Test
    void setTakesRawKeyAndValue() {
        SetConfig all = (SetConfig) parse("SET");
        assertThat(all.key()).isNull();
        assertThat(all.value()).isNull();
        SetConfig show = (SetConfig) parse("set spark.sql.shuffle.partitions");
        assertThat(show.key()).isEqualTo("spark.sql.shuffle.partitions");
        assertThat(show.value()).isNull();
        SetConfig assign = (SetConfig) parse("SET ember.sql.ansi.enabled = true ");
        assertThat(assign.key()).isEqualTo("ember.sql.ansi.enabled");
        assertThat(assign.value()).isEqualTo("true");
        SetConfig raw = (SetConfig) parse("SET spark.sql.session.timeZone=America/Los_Angeles");
        assertThat(raw.key()).isEqualTo("spark.sql.session.timeZone");
        assertThat(raw.value()).isEqualTo("America/Los_Angeles");
        SetConfig quoted = (SetConfig) parse("SET `my-key` = a = b  'c' # d");
        assertThat(quoted.key()).isEqualTo("my-key");
        assertThat(quoted.value()).isEqualTo("a = b  'c' # d");
        SetConfig empty = (SetConfig) parse("SET k =");
        assertThat(empty.value()).isEmpty();
        assertThatThrownBy(() -> parse("SET = 1"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near '=': missing configuration key.");
        assertThatThrownBy(() -> parse("SET a b = 1"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'a': a configuration key cannot contain spaces.");
    }

    @Test
    void statementsNotSupportedYet() {
        assertUnsupported("UPDATE t SET a = 1", "UPDATE statements");
        assertUnsupported("use db", "USE statements");
        assertUnsupported("CACHE TABLE t", "CACHE statements");
        assertUnsupported("SET -v", "SET -v");
    }
}
