package dev.ember.io.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
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
 */
final class ObjectReader {
    private final Map<String, Integer> indexes = new HashMap<>();
    private final JsonValueReader[] readers;
    private final boolean[] seen;
    private final RecordProblems problems;

    ObjectReader(StructType fields, JsonOptions options, RecordProblems problems) {
        this.readers = new JsonValueReader[fields.size()];
        this.seen = new boolean[fields.size()];
        this.problems = problems;
        for (int i = 0; i < fields.size(); i++) {
            indexes.putIfAbsent(fields.field(i).name(), i);
            readers[i] = JsonValueReader.forType(fields.field(i).dataType(), options, problems);
        }
    }

    /** Reads the object whose {@code START_OBJECT} is the current token, appending one value to each target. */
    void read(JsonParser parser, VectorBuilder[] targets) throws IOException {
        JsonStreamContext object = parser.getParsingContext();
        Arrays.fill(seen, false);
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            Integer index = indexes.get(parser.currentName());
            if (parser.nextToken() == null) {
                break;
            }
            if (index == null) {
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
        if (token != JsonToken.END_OBJECT) {
            throw new IOException("unexpected end of input inside an object");
        }
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                targets[i].appendNull();
            }
        }
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
