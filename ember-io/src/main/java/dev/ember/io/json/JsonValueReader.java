package dev.ember.io.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Decimals;
import dev.ember.io.csv.DateTimeCodec;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import dev.ember.vector.VectorBuilder;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;

/**
 * Converts the JSON value at a parser's current token to one Ember type and appends it to a
 * builder, as Spark converts JSON values: a JSON null is NULL for every type, numbers go to numeric
 * columns (integers only to integral ones, range-checked), strings to dates, timestamps, binary
 * (base64) and decimals, any value to a string column (objects and arrays as their JSON text).
 * Anything else is a {@link BadValue}; the caller takes back what was appended.
 */
abstract class JsonValueReader {
    final DataType type;

    JsonValueReader(DataType type) {
        this.type = type;
    }

    static JsonValueReader forType(DataType type, JsonOptions options, RecordProblems problems) {
        if (type == AtomicType.BOOLEAN) {
            return new BooleanReader();
        }
        if (type == AtomicType.BYTE || type == AtomicType.SHORT || type == AtomicType.INT || type == AtomicType.LONG) {
            return new IntegralReader(type);
        }
        if (type == AtomicType.DOUBLE || type == AtomicType.FLOAT) {
            return new FloatingReader(type);
        }
        if (type instanceof DecimalType decimal) {
            return new DecimalReader(decimal);
        }
        if (type == AtomicType.STRING) {
            return new StringReader(options);
        }
        if (type == AtomicType.BINARY) {
            return new BinaryReader();
        }
        if (type == AtomicType.DATE) {
            return new DateReader(options.dateTime);
        }
        if (type == AtomicType.TIMESTAMP) {
            return new TimestampReader(options.dateTime);
        }
        if (type instanceof ArrayType array) {
            return new ArrayReader(array, forType(array.elementType(), options, problems));
        }
        if (type instanceof StructType struct) {
            return new StructReader(struct, new ObjectReader(struct, options, problems));
        }
        if (type instanceof MapType map && map.keyType() == AtomicType.STRING) {
            return new MapReader(map, forType(map.valueType(), options, problems));
        }
        if (type == AtomicType.NULL) {
            return new NullReader();
        }
        throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "reading JSON into a column of type " + type.simpleString());
    }

    /** Appends the value at the current token: null for a JSON null, else the converted value. */
    final void read(JsonParser parser, VectorBuilder out) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            out.appendNull();
        } else {
            readValue(parser, token, out);
        }
    }

    abstract void readValue(JsonParser parser, JsonToken token, VectorBuilder out) throws IOException;

    final BadValue mismatch(JsonParser parser, JsonToken token) throws IOException {
        String value = token.isScalarValue() ? parser.getText() : token == JsonToken.START_ARRAY ? "an array" : "an object";
        return new BadValue("cannot convert " + value + " to " + type.simpleString());
    }

    private static final class BooleanReader extends JsonValueReader {
        BooleanReader() {
            super(AtomicType.BOOLEAN);
        }

        @Override
        void readValue(JsonParser parser, JsonToken token, VectorBuilder out) throws IOException {
            if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                throw mismatch(parser, token);
            }
            ((VectorBuilder.BooleanBuilder) out).append(token == JsonToken.VALUE_TRUE);
        }
    }

    private static final class IntegralReader extends JsonValueReader {
        private final long min;
        private final long max;

        IntegralReader(DataType type) {
            super(type);
            this.min = type == AtomicType.BYTE ? Byte.MIN_VALUE : type == AtomicType.SHORT ? Short.MIN_VALUE
                    : type == AtomicType.INT ? Integer.MIN_VALUE : Long.MIN_VALUE;
            this.max = type == AtomicType.BYTE ? Byte.MAX_VALUE : type == AtomicType.SHORT ? Short.MAX_VALUE
                    : type == AtomicType.INT ? Integer.MAX_VALUE : Long.MAX_VALUE;
        }

        @Override
        void readValue(JsonParser parser, JsonToken token, VectorBuilder out) throws IOException {
            if (token != JsonToken.VALUE_NUMBER_INT) {
                throw mismatch(parser, token);
            }
            JsonParser.NumberType numberType = parser.getNumberType();
            if (numberType == JsonParser.NumberType.BIG_INTEGER) {
                throw mismatch(parser, token);
            }
            long value = parser.getLongValue();
            if (value < min || value > max) {
                throw mismatch(parser, token);
            }
            if (out instanceof VectorBuilder.LongBuilder longs) {
                longs.append(value);
            } else {
                ((VectorBuilder.IntBuilder) out).append((int) value);
            }
        }
    }

    private static final class FloatingReader extends JsonValueReader {
        FloatingReader(DataType type) {
            super(type);
        }

        @Override
        void readValue(JsonParser parser, JsonToken token, VectorBuilder out) throws IOException {
            double value = switch (token) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
                case VALUE_STRING -> switch (parser.getText()) {
                    case "NaN" -> Double.NaN;
                    case "Infinity", "+Infinity", "+INF" -> Double.POSITIVE_INFINITY;
                    case "-Infinity", "-INF" -> Double.NEGATIVE_INFINITY;
                    default -> throw mismatch(parser, token);
                };
                default -> throw mismatch(parser, token);
            };
            ((VectorBuilder.DoubleBuilder) out).append(type == AtomicType.FLOAT ? (float) value : value);
        }
    }

    /** Plain numbers straight from their text into an unscaled long; other numbers and strings through {@link BigDecimal}. */
    private static final class DecimalReader extends JsonValueReader {
        private final long bound;

        DecimalReader(DecimalType type) {
            super(type);
            this.bound = type.precision() <= 18 ? Decimals.powerOfTen(type.precision()) : Long.MAX_VALUE;
        }

        @Override
        void readValue(JsonParser parser, JsonToken token, VectorBuilder out) throws IOException {
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                int start = parser.getTextOffset();
                long unscaled = Decimals.parsePlain(parser.getTextCharacters(), start, start + parser.getTextLength(), ((DecimalType) type).scale());
                if (unscaled != Decimals.NOT_PLAIN) {
                    if (unscaled >= bound || unscaled <= -bound) {
                        throw mismatch(parser, token);
                    }
                    ((VectorBuilder.DecimalBuilder) out).appendUnscaled(unscaled);
                    return;
                }
            }
            BigDecimal value;
            try {
                value = switch (token) {
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
                    case VALUE_STRING -> new BigDecimal(parser.getText());
                    default -> throw mismatch(parser, token);
                };
                ((VectorBuilder.DecimalBuilder) out).append(Decimals.fit(value, (DecimalType) type));
            } catch (NumberFormatException | EmberException e) {
                throw mismatch(parser, token);
            }
        }
    }

    /** Strings as they are; any other value as its JSON text, which Spark keeps for string columns. */
    private static final class StringReader extends JsonValueReader {
        private final JsonOptions options;
        private final ByteArrayBuilder json = new ByteArrayBuilder();

        StringReader(JsonOptions options) {
            super(AtomicType.STRING);
            this.options = options;
        }

        @Override
        void readValue(JsonParser parser, JsonToken token, VectorBuilder out) throws IOException {
            if (token == JsonToken.VALUE_STRING) {
                ((VectorBuilder.StringBuilder) out).append(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                return;
            }
            json.reset();
            try (JsonGenerator generator = options.factory.createGenerator(json)) {
                generator.copyCurrentStructure(parser);
            }
            ((VectorBuilder.StringBuilder) out).appendBytes(json.toByteArray(), 0, json.size());
        }
    }

    private static final class BinaryReader extends JsonValueReader {
        BinaryReader() {
            super(AtomicType.BINARY);
        }

        @Override
        void readValue(JsonParser parser, JsonToken token, VectorBuilder out) throws IOException {
            if (token != JsonToken.VALUE_STRING) {
                throw mismatch(parser, token);
            }
            byte[] bytes;
            try {
                bytes = parser.getBinaryValue();
            } catch (JsonProcessingException e) {
                throw mismatch(parser, token);
            }
            ((VectorBuilder.StringBuilder) out).appendBytes(bytes, 0, bytes.length);
        }
    }

    private static final class DateReader extends JsonValueReader {
        private final DateTimeCodec codec;

        DateReader(DateTimeCodec codec) {
            super(AtomicType.DATE);
            this.codec = codec;
        }

        @Override
        void readValue(JsonParser parser, JsonToken token, VectorBuilder out) throws IOException {
            if (token != JsonToken.VALUE_STRING) {
                throw mismatch(parser, token);
            }
            try {
                ((VectorBuilder.IntBuilder) out).append(codec.parseDate(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength()));
            } catch (DateTimeException | ArithmeticException e) {
                throw mismatch(parser, token);
            }
        }
    }

    /** Timestamps from text, or from a number of seconds since the epoch. */
    private static final class TimestampReader extends JsonValueReader {
        private final DateTimeCodec codec;

        TimestampReader(DateTimeCodec codec) {
            super(AtomicType.TIMESTAMP);
            this.codec = codec;
        }

        @Override
        void readValue(JsonParser parser, JsonToken token, VectorBuilder out) throws IOException {
            long micros;
            try {
                micros = switch (token) {
                    case VALUE_STRING -> codec.parseTimestamp(parser.getText());
                    case VALUE_NUMBER_INT -> Math.multiplyExact(parser.getLongValue(), 1_000_000L);
                    default -> throw mismatch(parser, token);
                };
            } catch (DateTimeException | ArithmeticException | JsonProcessingException e) {
                throw mismatch(parser, token);
            }
            ((VectorBuilder.LongBuilder) out).append(micros);
        }
    }

    private static final class ArrayReader extends JsonValueReader {
        private final JsonValueReader elements;

        ArrayReader(ArrayType type, JsonValueReader elements) {
            super(type);
            this.elements = elements;
        }

        @Override
        void readValue(JsonParser parser, JsonToken token, VectorBuilder out) throws IOException {
            if (token != JsonToken.START_ARRAY) {
                throw mismatch(parser, token);
            }
            VectorBuilder.ArrayBuilder arrays = (VectorBuilder.ArrayBuilder) out;
            JsonToken element;
            while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (element == null) {
                    throw new IOException("unexpected end of input inside an array");
                }
                elements.read(parser, arrays.elements());
            }
            arrays.endArray();
        }
    }

    private static final class StructReader extends JsonValueReader {
        private final ObjectReader fields;
        private final VectorBuilder[] targets;

        StructReader(StructType type, ObjectReader fields) {
            super(type);
            this.fields = fields;
            this.targets = new VectorBuilder[type.size()];
        }

        @Override
        void readValue(JsonParser parser, JsonToken token, VectorBuilder out) throws IOException {
            if (token != JsonToken.START_OBJECT) {
                throw mismatch(parser, token);
            }
            VectorBuilder.StructBuilder struct = (VectorBuilder.StructBuilder) out;
            for (int i = 0; i < targets.length; i++) {
                targets[i] = struct.field(i);
            }
            fields.read(parser, targets);
            struct.endStruct();
        }
    }

    /** A JSON object as a map from its field names to its values, in the file's order (Spark reads only string keys). */
    private static final class MapReader extends JsonValueReader {
        private final JsonValueReader values;

        MapReader(MapType type, JsonValueReader values) {
            super(type);
            this.values = values;
        }

        @Override
        void readValue(JsonParser parser, JsonToken token, VectorBuilder out) throws IOException {
            if (token != JsonToken.START_OBJECT) {
                throw mismatch(parser, token);
            }
            VectorBuilder.MapBuilder maps = (VectorBuilder.MapBuilder) out;
            for (JsonToken field = parser.nextToken(); field != JsonToken.END_OBJECT; field = parser.nextToken()) {
                if (field == null) {
                    throw new IOException("unexpected end of input inside an object");
                }
                maps.keys().appendObject(parser.currentName());
                parser.nextToken();
                values.read(parser, maps.values());
            }
            maps.endMap();
        }
    }

    /** A column of type void holds only nulls, whatever the file says. */
    private static final class NullReader extends JsonValueReader {
        NullReader() {
            super(AtomicType.NULL);
        }

        @Override
        void readValue(JsonParser parser, JsonToken token, VectorBuilder out) throws IOException {
            parser.skipChildren();
            out.appendNull();
        }
    }
}
