package dev.ember.cli.output;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.ember.sql.Row;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Map;

/**
 * Prints a result as JSON Lines, one object per row, the way Spark's {@code Dataset.toJSON} writes
 * rows: fields in schema order, null fields left out (at every depth; nulls inside arrays stay),
 * numbers as JSON numbers ({@code 1.0E10}, decimals with their scale, {@code "NaN"} quoted), dates
 * as {@code "2024-01-02"}, timestamps as {@code "2024-01-02T03:04:05.120+13:45"} (milliseconds, in the
 * session time zone), binary as base64, arrays as arrays and structs and maps as objects.
 */
final class JsonPrinter implements ResultPrinter {
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            // Closing a generator writes out its buffer but leaves the shared writer open and unflushed.
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build();
    /** Spark's JSON default {@code timestampFormat}, {@code yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX]}. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendPattern("HH:mm:ss")
            .appendFraction(ChronoField.MILLI_OF_SECOND, 3, 3, true)
            .appendOffset("+HH:MM", "Z")
            .toFormatter();
    private static final DateTimeFormatter TIMESTAMP_WITHOUT_ZONE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendPattern("HH:mm:ss")
            .appendFraction(ChronoField.MILLI_OF_SECOND, 3, 3, true)
            .toFormatter();

    private final Writer out;
    private final ZoneId timeZone;

    JsonPrinter(Writer out, ZoneId timeZone) {
        this.out = requireNonNull(out, "out is null");
        this.timeZone = requireNonNull(timeZone, "timeZone is null");
    }

    @Override
    public void print(StructType schema, List<Row> rows) throws IOException {
        for (Row row : rows) {
            // One small generator per line: the writer then sees whole lines only, and a failure in
            // one row cannot leave a half-written object in front of the next.
            try (JsonGenerator generator = JSON.createGenerator(out)) {
                writeStruct(generator, row, schema);
            }
            out.write('\n');
        }
    }

    private void writeStruct(JsonGenerator generator, Row row, StructType schema) throws IOException {
        generator.writeStartObject();
        for (int i = 0; i < row.size(); i++) {
            Object value = row.get(i);
            if (value == null) {
                continue;
            }
            String name = schema != null && i < schema.size() ? schema.field(i).name() : "col" + (i + 1);
            DataType type = schema != null && i < schema.size() ? schema.field(i).dataType() : null;
            generator.writeFieldName(name);
            writeValue(generator, value, type);
        }
        generator.writeEndObject();
    }

    private void writeValue(JsonGenerator generator, Object value, DataType type) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Number number) {
            writeNumber(generator, number, type);
        } else if (value instanceof String string) {
            generator.writeString(string);
        } else if (value instanceof LocalDate date) {
            generator.writeString(DateTimeFormatter.ISO_LOCAL_DATE.format(date));
        } else if (value instanceof Instant instant) {
            generator.writeString(TIMESTAMP.format(instant.atZone(timeZone)));
        } else if (value instanceof LocalDateTime timestampWithoutZone) {
            generator.writeString(TIMESTAMP_WITHOUT_ZONE.format(timestampWithoutZone));
        } else if (value instanceof byte[] bytes) {
            generator.writeBinary(bytes);
        } else if (value instanceof List<?> list) {
            DataType elementType = type instanceof ArrayType array ? array.elementType() : null;
            generator.writeStartArray();
            for (Object element : list) {
                writeValue(generator, element, elementType);
            }
            generator.writeEndArray();
        } else if (value instanceof Row row) {
            writeStruct(generator, row, type instanceof StructType struct ? struct : row.schema());
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() != null) {
                    generator.writeFieldName(String.valueOf(entry.getKey()));
                    writeValue(generator, entry.getValue(), null);
                }
            }
            generator.writeEndObject();
        } else {
            generator.writeString(value.toString());
        }
    }

    private static void writeNumber(JsonGenerator generator, Number number, DataType type) throws IOException {
        if (type == AtomicType.FLOAT || (type == null && number instanceof Float)) {
            generator.writeNumber(number.floatValue());
        } else if (type == AtomicType.DOUBLE || (type == null && number instanceof Double)) {
            generator.writeNumber(number.doubleValue());
        } else if (number instanceof BigDecimal decimal) {
            generator.writeNumber(ValueFormatter.withTypeScale(decimal, type));
        } else if (number instanceof Long) {
            generator.writeNumber(number.longValue());
        } else if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
            generator.writeNumber(number.intValue());
        } else {
            generator.writeNumber(number.toString());
        }
    }
}
