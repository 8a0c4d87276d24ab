package dev.ember.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.conformance.SqlText.Statement;
import org.junit.jupiter.api.Test;

class SqlTextTest {
    @Test
    void splitsOnSemicolonsOutsideQuotesAndComments() {
        String script = """
                -- a comment; with a semicolon
                SELECT 'a;b', "c;d", `e;f` FROM t;
                /* block; /* nested; */ still comment; */ SELECT 2;

                SELECT 'it\\'s;' ; ;
                SELECT 3""";

        assertThat(SqlText.split(script)).extracting(Statement::line).containsExactly(2, 3, 5, 6);
        assertThat(SqlText.split(script)).extracting(Statement::text).containsExactly(
                "-- a comment; with a semicolon\nSELECT 'a;b', \"c;d\", `e;f` FROM t",
                "/* block; /* nested; */ still comment; */ SELECT 2",
                "SELECT 'it\\'s;'",
                "SELECT 3");
    }

    @Test
    void dropsStatementsMadeOnlyOfComments() {
        assertThat(SqlText.split("SELECT 1;\n-- the end\n")).hasSize(1);
        assertThat(SqlText.split("  ;\n /* nothing */ ;")).isEmpty();
    }

    @Test
    void findsOnlyTopLevelOrderBy() {
        assertThat(SqlText.hasTopLevelOrderBy("SELECT a FROM t ORDER BY a")).isTrue();
        assertThat(SqlText.hasTopLevelOrderBy("select a from t order\n  by a desc limit 3")).isTrue();
        assertThat(SqlText.hasTopLevelOrderBy("SELECT 1 UNION SELECT 2 ORDER BY 1")).isTrue();
        assertThat(SqlText.hasTopLevelOrderBy("WITH c AS (SELECT a FROM t ORDER BY a) SELECT * FROM c")).isFalse();
        assertThat(SqlText.hasTopLevelOrderBy("SELECT * FROM (SELECT a FROM t ORDER BY a) LIMIT 2")).isFalse();
        assertThat(SqlText.hasTopLevelOrderBy("SELECT 'ORDER BY' FROM t -- ORDER BY a")).isFalse();
        assertThat(SqlText.hasTopLevelOrderBy("SELECT a AS border_by FROM t")).isFalse();
    }
}
