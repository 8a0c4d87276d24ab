package dev.ember.expr.function;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Casts;
import dev.ember.expr.Expression;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.vector.ArrayVector;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.MapVector;
import dev.ember.vector.Nulls;
import dev.ember.vector.StructVector;
import dev.ember.vector.VectorBuilder;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The map functions: {@code map(k1, v1, ...)}, {@code map_from_arrays(keys, values)},
 * {@code map_keys}, {@code map_values}, {@code map_entries} and {@code map_contains_key}. Maps
 * built here reject NULL keys ({@code NULL_MAP_KEY}) and repeated keys ({@code DUPLICATED_MAP_KEY},
 * Spark's default {@code spark.sql.mapKeyDedupPolicy=EXCEPTION}).
 */
public final class MapFunction extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public enum Kind { MAP, MAP_FROM_ARRAYS, MAP_KEYS, MAP_VALUES, MAP_ENTRIES, MAP_CONTAINS_KEY }

    private final Kind kind;

    public MapFunction(Kind kind, List<Expression> arguments) {
        super(arguments);
        this.kind = kind;
        if (kind == Kind.MAP && arguments.size() % 2 != 0) {
            throw EmberException.of(ErrorClass.WRONG_NUM_ARGS, "function", "`map`", "expected", "2n (n > 0)", "actual", arguments.size());
        }
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new MapFunction(kind, newArguments);
    }

    @Override
    public Expression coerceArguments() {
        switch (kind) {
            case MAP -> {
                return this; // keys and values meet in their common types in TypeCoercion
            }
            case MAP_FROM_ARRAYS -> {
                requireArray(0);
                requireArray(1);
                return this;
            }
            case MAP_CONTAINS_KEY -> {
                MapType map = requireMap(0);
                return withNewChildren(List.of(arguments.get(0), castTo(arguments.get(1), map.keyType())));
            }
            default -> {
                requireMap(0);
                return this;
            }
        }
    }

    private MapType requireMap(int index) {
        DataType type = arguments.get(index).dataType();
        if (type instanceof MapType map) {
            return map;
        }
        throw mismatch(index, "MAP");
    }

    private void requireArray(int index) {
        if (!(arguments.get(index).dataType() instanceof ArrayType)) {
            throw mismatch(index, "ARRAY");
        }
    }

    private EmberException mismatch(int index, String expected) {
        Expression argument = arguments.get(index);
        return EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + this + "\"", "detail",
                "parameter " + (index + 1) + " requires the \"" + expected + "\" type, however \"" + argument + "\" has the type \""
                        + argument.dataType().simpleString().toUpperCase(Locale.ROOT) + "\"");
    }

    @Override
    public DataType dataType() {
        return switch (kind) {
            case MAP -> {
                if (arguments.isEmpty()) {
                    yield new MapType(AtomicType.NULL, AtomicType.NULL, false);
                }
                boolean nullValues = false;
                for (int i = 1; i < arguments.size(); i += 2) {
                    nullValues |= arguments.get(i).nullable();
                }
                yield new MapType(arguments.get(0).dataType(), arguments.get(1).dataType(), nullValues);
            }
            case MAP_FROM_ARRAYS -> {
                ArrayType values = (ArrayType) arguments.get(1).dataType();
                yield new MapType(((ArrayType) arguments.get(0).dataType()).elementType(), values.elementType(), values.containsNull());
            }
            case MAP_KEYS -> new ArrayType(map().keyType(), false);
            case MAP_VALUES -> new ArrayType(map().valueType(), map().valueContainsNull());
            case MAP_ENTRIES -> new ArrayType(entryType(map()), false);
            case MAP_CONTAINS_KEY -> AtomicType.BOOLEAN;
        };
    }

    private MapType map() {
        return (MapType) arguments.get(0).dataType();
    }

    private static StructType entryType(MapType map) {
        return StructType.of(new StructField("key", map.keyType(), false), new StructField("value", map.valueType(), map.valueContainsNull()));
    }

    @Override
    public boolean nullable() {
        return kind != Kind.MAP && arguments.stream().anyMatch(Expression::nullable);
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        return switch (kind) {
            case MAP -> construct(input, n);
            case MAP_FROM_ARRAYS -> fromArrays((ArrayVector) arguments.get(0).eval(input), (ArrayVector) arguments.get(1).eval(input), n);
            case MAP_KEYS, MAP_VALUES -> {
                MapVector maps = (MapVector) arguments.get(0).eval(input);
                yield new ArrayVector((ArrayType) dataType(), n, offsets(maps, n), kind == Kind.MAP_KEYS ? maps.keys() : maps.values(),
                        maps.nulls());
            }
            case MAP_ENTRIES -> {
                MapVector maps = (MapVector) arguments.get(0).eval(input);
                // The entries are the key and value vectors side by side; the offsets index into both alike.
                StructVector pairs = new StructVector(entryType(maps.mapType()), maps.keys().size(), List.of(maps.keys(), maps.values()), null);
                yield new ArrayVector((ArrayType) dataType(), n, offsets(maps, n), pairs, maps.nulls());
            }
            case MAP_CONTAINS_KEY -> containsKey((MapVector) arguments.get(0).eval(input), arguments.get(1).eval(input), n);
        };
    }

    private static int[] offsets(MapVector maps, int n) {
        int[] offsets = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            offsets[i] = maps.start(i);
        }
        return offsets;
    }

    private ColumnVector construct(Batch input, int n) {
        int pairs = arguments.size() / 2;
        ColumnVector[] keys = new ColumnVector[pairs];
        ColumnVector[] values = new ColumnVector[pairs];
        for (int p = 0; p < pairs; p++) {
            keys[p] = arguments.get(2 * p).eval(input);
            values[p] = arguments.get(2 * p + 1).eval(input);
        }
        VectorBuilder.MapBuilder out = (VectorBuilder.MapBuilder) VectorBuilder.create(dataType(), n);
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < pairs; p++) {
                appendEntry(out, keys[p], values[p], i, i);
            }
            out.endMap();
        }
        return distinctKeys((MapVector) out.build());
    }

    private ColumnVector fromArrays(ArrayVector keys, ArrayVector values, int n) {
        VectorBuilder.MapBuilder out = (VectorBuilder.MapBuilder) VectorBuilder.create(dataType(), n);
        for (int i = 0; i < n; i++) {
            if (anyNull(i, keys, values)) {
                out.appendNull();
                continue;
            }
            if (keys.length(i) != values.length(i)) {
                throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`keys`, `values`", "function", "`map_from_arrays`",
                        "detail", "The key array and value array of MapData must have the same length.");
            }
            for (int e = 0; e < keys.length(i); e++) {
                appendEntry(out, keys.elements(), values.elements(), keys.start(i) + e, values.start(i) + e);
            }
            out.endMap();
        }
        return distinctKeys((MapVector) out.build());
    }

    private static void appendEntry(VectorBuilder.MapBuilder out, ColumnVector keys, ColumnVector values, int keyPosition, int valuePosition) {
        if (keys.isNull(keyPosition)) {
            throw EmberException.of(ErrorClass.NULL_MAP_KEY);
        }
        out.keys().appendFrom(keys, keyPosition);
        out.values().appendFrom(values, valuePosition);
    }

    /** The built maps, or DUPLICATED_MAP_KEY when a map repeats a key; keys are compared by hash first. */
    static MapVector distinctKeys(MapVector maps) {
        ColumnVector keys = maps.keys();
        int[] hashes = new int[keys.size()];
        keys.hashInto(hashes);
        Map<Integer, Integer> firstByHash = new HashMap<>();
        for (int i = 0; i < maps.size(); i++) {
            firstByHash.clear();
            int start = maps.start(i);
            for (int e = start; e < start + maps.length(i); e++) {
                Integer earlier = firstByHash.putIfAbsent(hashes[e], e);
                if (earlier == null) {
                    continue;
                }
                for (int other = earlier; other < e; other++) {
                    if (hashes[other] == hashes[e] && keys.equalsAt(other, keys, e)) {
                        throw EmberException.of(ErrorClass.DUPLICATED_MAP_KEY, "key", Casts.toSparkString(keys, e, ZoneOffset.UTC));
                    }
                }
            }
        }
        return maps;
    }

    private static ColumnVector containsKey(MapVector maps, ColumnVector keys, int n) {
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (anyNull(i, maps, keys)) {
                continue;
            }
            for (int e = maps.start(i); e < maps.start(i) + maps.length(i); e++) {
                if (maps.keys().equalsAt(e, keys, i)) {
                    out[i] = true;
                    break;
                }
            }
        }
        return new BooleanVector(n, out, Nulls.union(maps, keys, n));
    }
}
