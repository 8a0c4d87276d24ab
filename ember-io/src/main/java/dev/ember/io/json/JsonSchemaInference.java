package dev.ember.io.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.fs.FileEntry;
import dev.ember.fs.InputFile;
import dev.ember.source.FileSplit;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Infers the schema of JSON records as Spark does: each record's type from its values (integers
 * bigint, other numbers double, or decimal with {@code prefersDecimal}; strings stay strings unless
 * {@code inferTimestamp} or {@code prefersDecimal} find more; never dates, as in Spark), then the records' types combined by
 * {@link JsonTypes}. A malformed record adds the corrupt-record column in PERMISSIVE mode, is
 * skipped in DROPMALFORMED mode and fails the read in FAILFAST mode.
 */
final class JsonSchemaInference {
    private final JsonOptions options;
    /** Spark samples with a fixed seed, so that the same files give the same schema. */
    private final Random sampler = new Random(1);

    JsonSchemaInference(JsonOptions options) {
        this.options = options;
    }

    StructType infer(List<InputFile> files) throws IOException {
        DataType root = StructType.of();
        for (InputFile file : files) {
            FileSplit whole = FileSplit.whole(new FileEntry(file.location(), file.length()));
            try (IsolatedRecords records = IsolatedRecords.open(file, whole, options)) {
                while (records.next()) {
                    if (options.samplingRatio < 1 && sampler.nextDouble() >= options.samplingRatio) {
                        continue;
                    }
                    DataType record = inferRecord(records);
                    if (record != null) {
                        root = JsonTypes.compatibleRoot(root, record, struct -> withCorruptField(struct, records));
                    }
                }
            }
        }
        Optional<DataType> canonical = JsonTypes.canonical(root, options.dropFieldIfAllNull);
        return canonical.isPresent() && canonical.get() instanceof StructType struct ? struct : StructType.of();
    }

    /** The type of the current record; null when it is blank or dropped as malformed. */
    private DataType inferRecord(IsolatedRecords records) {
        try (JsonParser parser = records.parser()) {
            JsonToken token = parser.nextToken();
            return token == null ? null : infer(parser, token);
        } catch (IOException e) {
            return switch (options.mode) {
                case PERMISSIVE -> StructType.of(new StructField(options.corruptColumn, AtomicType.STRING, true));
                case DROPMALFORMED -> null;
                case FAILFAST -> throw malformed(records, e.getMessage());
            };
        }
    }

    private DataType infer(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NULL -> AtomicType.NULL;
            case VALUE_STRING -> inferString(parser);
            case VALUE_TRUE, VALUE_FALSE -> options.primitivesAsString ? AtomicType.STRING : AtomicType.BOOLEAN;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> inferNumber(parser, token);
            case START_OBJECT -> inferObject(parser);
            case START_ARRAY -> inferArray(parser);
            default -> throw new IOException("unexpected token " + token);
        };
    }

    private DataType inferString(JsonParser parser) throws IOException {
        if (parser.getTextLength() == 0) {
            // Spark takes empty strings for nulls until all records are combined.
            return AtomicType.NULL;
        }
        String text = parser.getText();
        if (options.prefersDecimal) {
            Optional<DataType> decimal = parseDecimal(text).flatMap(JsonTypes::decimalFor);
            if (decimal.isPresent()) {
                return decimal.get();
            }
        }
        if (options.inferTimestamp && options.dateTime.isTimestamp(text)) {
            return AtomicType.TIMESTAMP;
        }
        return AtomicType.STRING;
    }

    private DataType inferNumber(JsonParser parser, JsonToken token) throws IOException {
        if (options.primitivesAsString) {
            return AtomicType.STRING;
        }
        JsonParser.NumberType type = parser.getNumberType();
        if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
            return AtomicType.LONG;
        }
        boolean exact = type == JsonParser.NumberType.BIG_INTEGER || type == JsonParser.NumberType.BIG_DECIMAL;
        if (exact || options.prefersDecimal && !parser.isNaN()) {
            return JsonTypes.decimalFor(parser.getDecimalValue()).orElse(AtomicType.DOUBLE);
        }
        return AtomicType.DOUBLE;
    }

    private DataType inferObject(JsonParser parser) throws IOException {
        List<StructField> fields = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            fields.add(new StructField(name, infer(parser, parser.nextToken()), true));
        }
        // Sorted by name; a name given twice (in any case) is one field, of the type both values fit.
        return JsonTypes.mergeStructs(StructType.of(), new StructType(fields));
    }

    private DataType inferArray(JsonParser parser) throws IOException {
        DataType element = AtomicType.NULL;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new IOException("unexpected end of input in an array");
            }
            element = JsonTypes.compatible(element, infer(parser, token));
        }
        return new ArrayType(element, true);
    }

    /** What a struct root becomes beside a record that is not an object. */
    private StructType withCorruptField(StructType struct, IsolatedRecords records) {
        return switch (options.mode) {
            case PERMISSIVE -> JsonTypes.mergeStructs(struct, StructType.of(new StructField(options.corruptColumn, AtomicType.STRING, true)));
            case DROPMALFORMED -> struct;
            case FAILFAST -> throw malformed(records, "a record that is not a JSON object");
        };
    }

    private static Optional<BigDecimal> parseDecimal(String text) {
        try {
            return Optional.of(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private EmberException malformed(IsolatedRecords records, String detail) {
        return EmberException.of(ErrorClass.MALFORMED_RECORD_IN_PARSING, "record",
                records.path() + ":" + records.line() + ": " + records.text() + " (" + detail + ")");
    }
}
