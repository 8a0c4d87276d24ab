package dev.ember.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataTypeParserTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "boolean         | boolean",
        "TINYINT         | tinyint",
        "byte            | tinyint",
        "smallint        | smallint",
        "Short           | smallint",
        "int             | int",
        "INTEGER         | int",
        "bigint          | bigint",
        "long            | bigint",
        "float           | float",
        "real            | float",
        "double          | double",
        "string          | string",
        "varchar(10)     | string",
        "char(1)         | string",
        "binary          | binary",
        "date            | date",
        "timestamp       | timestamp",
        "timestamp_ltz   | timestamp",
        "void            | void",
        "decimal         | decimal(10,0)",
        "DEC(5)          | decimal(5,0)",
        "numeric(38, 18) | decimal(38,18)",
        "array<int>      | array<int>",
        "ARRAY<ARRAY<decimal(4,2)>> | array<array<decimal(4,2)>>",
        "struct<a:int,b:string>     | struct<a:int,b:string>",
        "struct<a int, `b c`: array<long> NOT NULL COMMENT 'x'> | struct<a:int,b c:array<bigint>>",
        "struct<>        | struct<>",
    })
    void parsesTypeNames(String text, String simpleString) {
        assertThat(SqlParser.parseDataType(text).simpleString()).isEqualTo(simpleString);
    }

    @Test
    void typesAreTheEngineTypes() {
        assertThat(SqlParser.parseDataType("int")).isSameAs(AtomicType.INT);
        assertThat(SqlParser.parseDataType("decimal(10,2)")).isEqualTo(new DecimalType(10, 2));
        DataType struct = SqlParser.parseDataType("struct<a: int NOT NULL, b: array<string>>");
        assertThat(struct).isEqualTo(StructType.of(new StructField("a", AtomicType.INT, false),
                new StructField("b", new ArrayType(AtomicType.STRING, true), true)));
        assertThat(SqlParser.parseDataType("MAP<STRING, ARRAY<MAP<INT,BIGINT>>>")).isEqualTo(new MapType(AtomicType.STRING,
                new ArrayType(new MapType(AtomicType.INT, AtomicType.LONG, true), true), true));
        assertThat(SqlParser.parseDataType("STRUCT<a: INT, m: MAP<STRING, STRUCT<b: STRING>>>").simpleString())
                .isEqualTo("struct<a:int,m:map<string,struct<b:string>>>");
    }

    @Test
    void unsupportedAndInvalidTypes() {
        assertThatThrownBy(() -> SqlParser.parseDataType("interval"))
                .hasMessageStartingWith("[UNSUPPORTED_FEATURE] The feature is not supported: the INTERVAL type.");
        assertThatThrownBy(() -> SqlParser.parseDataType("intt"))
                .hasMessageStartingWith("[UNSUPPORTED_FEATURE] The feature is not supported: the data type \"INTT\".")
                .hasMessageContaining("(line 1, pos 0)");
        assertThatThrownBy(() -> SqlParser.parseDataType("decimal(39, 2)"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near '39': decimal precision must be between 1 and 38.");
        assertThatThrownBy(() -> SqlParser.parseDataType("decimal(2, 3)"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near '3': decimal scale 3 cannot be greater than precision 2.");
        assertThatThrownBy(() -> SqlParser.parseDataType("array<int"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input: missing '>'.");
        assertThatThrownBy(() -> SqlParser.parseDataType("int int"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'int': extra input 'int'.");
    }

    @Test
    void tableSchemas() {
        StructType schema = SqlParser.parseTableSchema("id INT, name STRING NOT NULL, `price $` decimal(10, 2) COMMENT 'gross'");
        assertThat(schema).isEqualTo(StructType.of(
                new StructField("id", AtomicType.INT, true),
                new StructField("name", AtomicType.STRING, false),
                new StructField("price $", new DecimalType(10, 2), true)));
        assertThat(SqlParser.parseTableSchema("struct<a:int>").fieldNames()).containsExactly("a");
        assertThat(SqlParser.parseTableSchema(" ").fields()).isEmpty();
        assertThatThrownBy(() -> SqlParser.parseTableSchema("id INT,"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input: missing identifier.");
        assertThatThrownBy(() -> SqlParser.parseTableSchema("id INT name STRING"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'name': extra input 'name'.");
    }

    @Test
    void multipartIdentifiers() {
        assertThat(SqlParser.parseMultipartIdentifier("a.b.`c d`")).isEqualTo(List.of("a", "b", "c d"));
        assertThat(SqlParser.parseMultipartIdentifier("`a.b`")).isEqualTo(List.of("a.b"));
        assertThat(SqlParser.parseMultipartIdentifier("` x``y `")).isEqualTo(List.of(" x`y "));
        assertThatThrownBy(() -> SqlParser.parseMultipartIdentifier("a."))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near '.': extra input '.'.");
        assertThatThrownBy(() -> SqlParser.parseMultipartIdentifier("a b"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'b': extra input 'b'.");
    }
}
