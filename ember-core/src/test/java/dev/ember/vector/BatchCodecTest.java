package dev.ember.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.sql.Row;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchCodecTest {
    private static final StructType POINT = StructType.of(new StructField("x", AtomicType.INT, true), new StructField("tag", AtomicType.STRING, true));
    private static final MapType SCORES = new MapType(AtomicType.STRING, AtomicType.LONG, true);
    private static final DecimalType WIDE = new DecimalType(38, 2);

    private static ColumnVector vector(DataType type, Object... values) {
        VectorBuilder builder = VectorBuilder.create(type, values.length);
        for (Object value : values) {
            builder.appendObject(value);
        }
        return builder.build();
    }

    /** The batch's values, binary as hex so that lists compare by value. */
    private static List<List<Object>> rows(Batch batch) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < batch.rowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (ColumnVector column : batch.columns()) {
                Object value = column.getObject(r);
                row.add(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value);
            }
            rows.add(row);
        }
        return rows;
    }

    private static byte[] encode(BatchCodec codec, Batch... batches) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Batch batch : batches) {
            int before = out.size();
            int written = codec.write(batch, out);
            assertThat(out.size() - before).isEqualTo(written);
        }
        return out.toByteArray();
    }

    private static List<Batch> decode(BatchCodec codec, byte[] bytes) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        List<Batch> batches = new ArrayList<>();
        for (Batch batch = codec.read(in, "test.spill"); batch != null; batch = codec.read(in, "test.spill")) {
            batches.add(batch);
        }
        return batches;
    }

    private static Batch roundTrip(Batch batch) throws IOException {
        List<DataType> types = batch.columns().stream().map(ColumnVector::type).toList();
        List<Batch> decoded = decode(new BatchCodec(types), encode(new BatchCodec(types), batch));
        assertThat(decoded).hasSize(1);
        assertThat(decoded.get(0).rowCount()).isEqualTo(batch.rowCount());
        assertThat(rows(decoded.get(0))).isEqualTo(rows(batch));
        return decoded.get(0);
    }

    private static Map<String, Long> map(Object... keysAndValues) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Long) keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void everyAtomicKindWithNulls() throws IOException {
        roundTrip(Batch.of(
                vector(AtomicType.BOOLEAN, true, null, false, true, false, false, true, true, null, false),
                vector(AtomicType.BYTE, (byte) 1, null, (byte) -128, (byte) 127, (byte) 0, (byte) 5, (byte) 6, (byte) 7, (byte) 8, (byte) 9),
                vector(AtomicType.SHORT, (short) 1, (short) -32768, null, (short) 32767, (short) 0, (short) 5, (short) 6, (short) 7, (short) 8, (short) 9),
                vector(AtomicType.INT, 1, Integer.MIN_VALUE, Integer.MAX_VALUE, null, 0, 5, 6, 7, 8, 9),
                vector(AtomicType.LONG, 1L, Long.MIN_VALUE, Long.MAX_VALUE, 0L, null, 5L, 6L, 7L, 8L, 9L),
                vector(AtomicType.FLOAT, 1.5f, Float.NaN, -0.0f, Float.NEGATIVE_INFINITY, 0f, null, 6f, 7f, 8f, 9f),
                vector(AtomicType.DOUBLE, 1.5, Double.NaN, -0.0, Double.MAX_VALUE, Double.MIN_VALUE, 5.0, null, 7.0, 8.0, 9.0),
                vector(AtomicType.STRING, "a", "", null, "ünïcödé ✓", "x".repeat(1000), "b", "c", null, "d", "e"),
                vector(AtomicType.BINARY, new byte[] {1, 2}, new byte[0], null, new byte[] {-1}, null, new byte[] {0}, new byte[] {9, 9}, null, null, null),
                vector(AtomicType.DATE, LocalDate.of(2024, 2, 29), null, LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), null, null, null, null, null, null),
                vector(AtomicType.TIMESTAMP, Instant.parse("2024-02-29T12:34:56.123456Z"), null, Instant.EPOCH, null, null, null, null, null, null, null),
                vector(new DecimalType(10, 3), new BigDecimal("1.234"), null, new BigDecimal("-9999999.999"), BigDecimal.ZERO, null, null, null, null, null, null),
                new NullVector(10)));
    }

    @Test
    void wideDecimalsKeepTheirSideValues() throws IOException {
        BigDecimal huge = new BigDecimal("123456789012345678901234567890123456.78");
        Batch decoded = roundTrip(Batch.of(vector(WIDE, new BigDecimal("1.50"), huge, null, huge.negate(), new BigDecimal("0.01"))));
        DecimalVector decimals = (DecimalVector) decoded.column(0);
        assertThat(decimals.isLong(0)).isTrue();
        assertThat(decimals.isLong(1)).isFalse();
        assertThat(decimals.get(1)).isEqualTo(huge);
    }

    @Test
    void nestedKindsWithNullsAtEveryLevel() throws IOException {
        ArrayType strings = new ArrayType(AtomicType.STRING, true);
        ArrayType nested = new ArrayType(new ArrayType(AtomicType.INT, true), true);
        ArrayType points = new ArrayType(POINT, true);
        roundTrip(Batch.of(
                vector(strings, List.of("a", "b"), null, List.of(), Arrays.asList("c", null), List.of("d")),
                vector(nested, List.of(List.of(1, 2), List.of()), Arrays.asList(null, List.of(3)), null, List.of(), List.of(Arrays.asList(4, null))),
                vector(POINT, Row.of(1, "a"), null, Arrays.asList(3, null), Arrays.asList(null, null), Row.of(5, "e")),
                vector(SCORES, map("a", 1L, "b", 2L), null, map(), map("c", null), map("d", 4L)),
                vector(points, List.of(Row.of(1, "a"), Arrays.asList(null, "b")), Arrays.asList((Object) null), null, List.of(), List.of(Row.of(2, "z")))));
    }

    @Test
    void gatheredAndStructChildrenLongerThanTheVector() throws IOException {
        ArrayType ints = new ArrayType(AtomicType.INT, true);
        Batch source = Batch.of(
                vector(ints, List.of(1), List.of(2, 3), null, List.of(4, 5, 6), List.of(7)),
                vector(AtomicType.STRING, "aa", null, "bbb", "c", "dddd"),
                vector(SCORES, map("a", 1L), map("b", 2L, "c", 3L), null, map(), map("e", 5L)));
        roundTrip(source.gather(new int[] {3, 1, 1, 4}, 4));
        // A struct whose field vectors hold more values than the struct.
        StructVector struct = new StructVector(POINT, 2, List.of(vector(AtomicType.INT, 1, 2, 3), vector(AtomicType.STRING, "a", "b", "c")), null);
        roundTrip(Batch.of(struct));
    }

    @Test
    void dictionaryEncodedStringsStayEncodedWhenThatIsSmaller() throws IOException {
        byte[] dictionary = ("x".repeat(100) + "y".repeat(100) + "unused".repeat(100)).getBytes(StandardCharsets.UTF_8);
        int[] offsets = {0, 100, 200, 800};
        int[] ids = new int[1000];
        boolean[] nulls = new boolean[1000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i % 3 == 0 ? 1 : 0;
            nulls[i] = i % 7 == 0;
        }
        StringVector strings = StringVector.dictionaryEncoded(AtomicType.STRING, 1000, dictionary, offsets, ids, nulls);
        Batch decoded = roundTrip(Batch.of(strings));
        StringVector back = (StringVector) decoded.column(0);
        assertThat(back.isDictionaryEncoded()).isTrue();
        assertThat(back.bytes()).hasSize(200); // only the entries the batch uses

        // Few values of a large dictionary: written out plainly.
        StringVector few = StringVector.dictionaryEncoded(AtomicType.STRING, 2, dictionary, offsets, new int[] {2, 0}, null);
        assertThat(((StringVector) roundTrip(Batch.of(few)).column(0)).isDictionaryEncoded()).isFalse();
        // Every value NULL.
        roundTrip(Batch.of(StringVector.dictionaryEncoded(AtomicType.STRING, 2, dictionary, offsets, new int[] {2, 2}, new boolean[] {true, true})));
    }

    @Test
    void emptyBatchesAndBatchesWithoutColumns() throws IOException {
        roundTrip(new Batch(List.of(vector(AtomicType.INT), vector(AtomicType.STRING), vector(SCORES), vector(POINT), new NullVector(0)), 0));
        BatchCodec codec = new BatchCodec(List.of());
        List<Batch> decoded = decode(codec, encode(codec, new Batch(List.of(), 7), new Batch(List.of(), 0)));
        assertThat(decoded).extracting(Batch::rowCount).containsExactly(7, 0);
    }

    @Test
    void aStreamHoldsManyFramesAndCompresses() throws IOException {
        int rows = 4096;
        long[] keys = new long[rows];
        for (int i = 0; i < rows; i++) {
            keys[i] = i;
        }
        Batch batch = Batch.of(new LongVector(AtomicType.LONG, rows, keys, null), vector(AtomicType.STRING, repeat("status-OK", rows)));
        BatchCodec codec = new BatchCodec(List.of(AtomicType.LONG, AtomicType.STRING));
        byte[] bytes = encode(codec, batch, batch.slice(10, 100), batch);
        assertThat((long) bytes.length).isLessThan(batch.retainedBytes() / 4);
        List<Batch> decoded = decode(codec, bytes);
        assertThat(decoded).extracting(Batch::rowCount).containsExactly(rows, 100, rows);
        assertThat(rows(decoded.get(1))).isEqualTo(rows(batch.slice(10, 100)));
        assertThat(rows(decoded.get(2))).isEqualTo(rows(batch));
    }

    private static Object[] repeat(String value, int count) {
        Object[] values = new Object[count];
        Arrays.fill(values, value);
        return values;
    }

    @Test
    void truncatedOrCorruptStreamsNameTheirSource() throws IOException {
        BatchCodec codec = new BatchCodec(List.of(AtomicType.INT, AtomicType.STRING));
        byte[] bytes = encode(codec, Batch.of(vector(AtomicType.INT, 1, 2, 3), vector(AtomicType.STRING, "a", "b", null)));
        for (int length : new int[] {3, 24, bytes.length - 1}) {
            assertThatThrownBy(() -> decode(codec, Arrays.copyOf(bytes, length)))
                    .isInstanceOf(EmberException.class)
                    .hasMessageContaining("test.spill")
                    .hasMessageContaining("truncated")
                    .satisfies(e -> assertThat(((EmberException) e).errorClass()).isEqualTo(ErrorClass.IO_ERROR));
        }
        for (int position : new int[] {0, 5, 30, bytes.length - 1}) {
            byte[] corrupt = bytes.clone();
            corrupt[position] ^= 0x10;
            assertThatThrownBy(() -> decode(codec, corrupt)).isInstanceOf(EmberException.class)
                    .hasMessageContaining("test.spill").hasMessageContaining("corrupt");
        }
        // Read as the wrong types: detected, not misread.
        assertThatThrownBy(() -> decode(new BatchCodec(List.of(AtomicType.LONG, AtomicType.LONG)), bytes))
                .isInstanceOf(EmberException.class).hasMessageContaining("does not decode as [bigint, bigint]");
    }
}
