package dev.ember.io.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.ember.sql.types.StructType;
import dev.ember.vector.VectorBuilder;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the fields of a JSON object into one builder per wanted field: a record's columns, or a
 * struct's fields. Names match exactly; other names are skipped unconverted (column pruning), a
 * name given twice keeps its last value, and a missing one is null. A value that does not convert
 * nulls its field and is noted as a problem, while the other fields are still read (Spark's partial
 * results).
 *
 * <p>Objects of one file nearly always list their fields in one order, so the names of the last
 * object read are the guess for the next one: Jackson compares a guessed name with the input's bytes
 * ({@link JsonParser#nextFieldName(com.fasterxml.jackson.core.SerializableString)}), which spares
 * decoding and looking up the name; only a wrong guess costs a lookup.
 */
final class ObjectReader {
    private final Map<String, Integer> indexes = new HashMap<>();
    private final SerializedString[] names;
    private final JsonValueReader[] readers;
    private final boolean[] seen;
    private final RecordProblems problems;
    /** The names of the last object read, in its order, with their field indexes (-1: not wanted). */
    private SerializedString[] lastNames = new SerializedString[0];
    private int[] lastIndexes = new int[0];

    ObjectReader(StructType fields, JsonOptions options, RecordProblems problems) {
        this.names = new SerializedString[fields.size()];
        this.readers = new JsonValueReader[fields.size()];
        this.seen = new boolean[fields.size()];
        this.problems = problems;
        for (int i = 0; i < fields.size(); i++) {
            indexes.putIfAbsent(fields.field(i).name(), i);
            names[i] = new SerializedString(fields.field(i).name());
            readers[i] = JsonValueReader.forType(fields.field(i).dataType(), options, problems);
        }
    }

    /** Reads the object whose {@code START_OBJECT} is the current token, appending one value to each target. */
    void read(JsonParser parser, VectorBuilder[] targets) throws IOException {
        JsonStreamContext object = parser.getParsingContext();
        Arrays.fill(seen, false);
        for (int position = 0; ; position++) {
            int index;
            if (position < lastNames.length && parser.nextFieldName(lastNames[position])) {
                index = lastIndexes[position];
            } else {
                JsonToken token = position < lastNames.length ? parser.currentToken() : parser.nextToken();
                if (token == JsonToken.END_OBJECT) {
                    break;
                }
                if (token != JsonToken.FIELD_NAME) {
                    throw new IOException("unexpected end of input inside an object");
                }
                index = learn(position, parser.currentName());
            }
            if (parser.nextToken() == null) {
                throw new IOException("unexpected end of input inside an object");
            }
            if (index < 0) {
                parser.skipChildren();
                continue;
            }
            VectorBuilder target = targets[index];
            if (seen[index]) {
                target.truncate(target.size() - 1);
            }
            seen[index] = true;
            int before = target.size();
            try {
                readers[index].read(parser, target);
            } catch (BadValue e) {
                target.truncate(before);
                target.appendNull();
                problems.note(e.getMessage());
                skipRestOf(parser, object);
            }
        }
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                targets[i].appendNull();
            }
        }
    }

    /** The index of the field named {@code name} (-1 if not wanted), remembered as the guess for this position. */
    private int learn(int position, String name) {
        Integer wanted = indexes.get(name);
        int index = wanted == null ? -1 : wanted;
        if (position >= lastNames.length) {
            lastNames = Arrays.copyOf(lastNames, position + 1);
            lastIndexes = Arrays.copyOf(lastIndexes, position + 1);
        }
        lastNames[position] = index < 0 ? new SerializedString(name) : names[index];
        lastIndexes[position] = index;
        return index;
    }

    /** After a failed conversion somewhere inside a field's value, moves on to the end of that value. */
    private static void skipRestOf(JsonParser parser, JsonStreamContext object) throws IOException {
        if (parser.currentToken() != null && parser.currentToken().isStructStart()) {
            parser.skipChildren();
        }
        while (parser.getParsingContext() != object) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new IOException("unexpected end of input");
            }
            if (token.isStructStart()) {
                parser.skipChildren();
            }
        }
    }
}
