package dev.ember.parser;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Data types as Spark writes them ({@code int}, {@code decimal(10,2)}, {@code array<string>},
 * {@code struct<a:int,b:string>}) and column lists ({@code id INT, name STRING NOT NULL}).
 */
final class DataTypeParser {
    private final TokenCursor cursor;

    DataTypeParser(TokenCursor cursor) {
        this.cursor = cursor;
    }

    DataType dataType() {
        Token nameToken = cursor.peek();
        if (!nameToken.is(TokenType.WORD)) {
            throw cursor.syntaxError(nameToken, ": missing data type");
        }
        cursor.next();
        String name = nameToken.text().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "boolean" -> AtomicType.BOOLEAN;
            case "tinyint", "byte" -> AtomicType.BYTE;
            case "smallint", "short" -> AtomicType.SHORT;
            case "int", "integer" -> AtomicType.INT;
            case "bigint", "long" -> AtomicType.LONG;
            case "float", "real" -> AtomicType.FLOAT;
            case "double" -> AtomicType.DOUBLE;
            case "string" -> AtomicType.STRING;
            // Spark reads char(n) and varchar(n) as string, without padding or length checks.
            case "varchar", "char", "character" -> {
                optionalLength();
                yield AtomicType.STRING;
            }
            case "binary" -> AtomicType.BINARY;
            case "date" -> AtomicType.DATE;
            // Spark's default TIMESTAMP is the session-time-zone one, TIMESTAMP_LTZ.
            case "timestamp", "timestamp_ltz" -> AtomicType.TIMESTAMP;
            case "void" -> AtomicType.NULL;
            case "decimal", "dec", "numeric" -> decimal();
            case "array" -> array();
            case "struct" -> struct();
            case "map" -> map();
            case "interval" -> throw cursor.unsupported(nameToken, "the INTERVAL type");
            case "timestamp_ntz" -> throw cursor.unsupported(nameToken, "the TIMESTAMP_NTZ type");
            default -> throw cursor.unsupported(nameToken, "the data type \"" + nameToken.text().toUpperCase(Locale.ROOT) + "\"");
        };
    }

    /** {@code name type [NOT NULL] [COMMENT 'text'], ...} as in a DDL schema string. Comments are dropped. */
    StructType columns() {
        List<StructField> fields = new ArrayList<>();
        do {
            String name = cursor.identifier();
            cursor.match(TokenType.COLON);
            fields.add(field(name));
        } while (cursor.match(TokenType.COMMA));
        return new StructType(fields);
    }

    private StructField field(String name) {
        DataType type = dataType();
        boolean nullable = true;
        if (cursor.matchWord("NOT")) {
            cursor.expectWord("NULL");
            nullable = false;
        }
        if (cursor.matchWord("COMMENT")) {
            cursor.expect(TokenType.STRING);
        }
        return new StructField(name, type, nullable);
    }

    private void optionalLength() {
        if (cursor.match(TokenType.LEFT_PAREN)) {
            integer();
            cursor.expect(TokenType.RIGHT_PAREN);
        }
    }

    private DataType decimal() {
        if (!cursor.check(TokenType.LEFT_PAREN)) {
            return new DecimalType(10, 0);
        }
        cursor.next();
        Token precisionToken = cursor.peek();
        int precision = integer();
        Token scaleToken = null;
        int scale = 0;
        if (cursor.match(TokenType.COMMA)) {
            scaleToken = cursor.peek();
            scale = integer();
        }
        cursor.expect(TokenType.RIGHT_PAREN);
        if (precision < 1 || precision > DecimalType.MAX_PRECISION) {
            throw cursor.syntaxError(precisionToken, ": decimal precision must be between 1 and " + DecimalType.MAX_PRECISION);
        }
        if (scale > precision) {
            throw cursor.syntaxError(scaleToken, ": decimal scale " + scale + " cannot be greater than precision " + precision);
        }
        return new DecimalType(precision, scale);
    }

    private DataType array() {
        cursor.expect(TokenType.LT);
        DataType element = dataType();
        cursor.expect(TokenType.GT);
        return new ArrayType(element, true);
    }

    private DataType map() {
        cursor.expect(TokenType.LT);
        DataType key = dataType();
        cursor.expect(TokenType.COMMA);
        DataType value = dataType();
        cursor.expect(TokenType.GT);
        return new MapType(key, value, true);
    }

    /** {@code struct<a:int, b string NOT NULL COMMENT 'x'>}; {@code struct<>} lexes as the {@code <>} operator. */
    private DataType struct() {
        if (cursor.match(TokenType.NOT_EQ)) {
            return new StructType(List.of());
        }
        cursor.expect(TokenType.LT);
        List<StructField> fields = new ArrayList<>();
        if (!cursor.check(TokenType.GT)) {
            do {
                String name = cursor.identifier();
                cursor.match(TokenType.COLON);
                fields.add(field(name));
            } while (cursor.match(TokenType.COMMA));
        }
        cursor.expect(TokenType.GT);
        return new StructType(fields);
    }

    private int integer() {
        Token token = cursor.peek();
        if (!token.is(TokenType.NUMBER) || !token.text().chars().allMatch(Character::isDigit)) {
            throw cursor.syntaxError(token, ": expected an integer");
        }
        cursor.next();
        try {
            return Integer.parseInt(token.text());
        } catch (NumberFormatException e) {
            throw cursor.syntaxError(token, ": expected an integer");
        }
    }
}
