package dev.ember.vector;

import com.github.luben.zstd.Zstd;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Batches of known column types as bytes: for spill files, and later shuffle blocks between
 * processes. Each batch is one self-delimiting frame, so a stream holds any number of them:
 *
 * <pre>
 * header (25 bytes, little-endian): magic, rows, raw length, stored length, compression (0 none, 1 zstd),
 *                                   CRC32C of the stored bytes, CRC32C of the header's first 21 bytes
 * stored bytes: the columns' raw encoding, compressed with zstd unless that saves nothing
 * </pre>
 *
 * <p>Columns are encoded one after another, each as its null flags (a byte saying whether there
 * are any, then a bitmap) and its values: primitives as little-endian arrays, booleans as bits,
 * strings as lengths then bytes (a dictionary-encoded vector keeps the dictionary entries its
 * values use, when that is smaller), decimals as unscaled longs plus the wide values, arrays and
 * maps as lengths then their entries, structs as their fields. A truncated or corrupt frame is an
 * {@code IO_ERROR} naming the stream's source, never a wrong batch.
 *
 * <p>An instance keeps buffers between calls: use one per stream, on one thread.
 */
public final class BatchCodec {
    private static final int MAGIC = 0x31424d45; // "EMB1" in little-endian order
    private static final int HEADER_BYTES = 25;
    private static final int CHECKED_HEADER_BYTES = 21;
    private static final byte STORED = 0;
    private static final byte ZSTD = 1;
    /** zstd's fastest positive level: spill and shuffle want throughput more than ratio. */
    private static final int LEVEL = 1;

    private final List<DataType> types;
    private final Sink sink = new Sink();
    private final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    private byte[] stored = new byte[0];
    private byte[] raw = new byte[0];
    /** Dictionary entry to its index among the entries a batch uses; -1 where unused. */
    private int[] remap = new int[0];

    public BatchCodec(List<DataType> types) {
        this.types = List.copyOf(types);
    }

    public List<DataType> types() {
        return types;
    }

    /** Writes {@code batch} as one frame and returns the number of bytes written. */
    public int write(Batch batch, OutputStream out) throws IOException {
        if (batch.columnCount() != types.size()) {
            throw new IllegalArgumentException("a batch of " + batch.columnCount() + " columns for a codec of " + types.size());
        }
        sink.size = 0;
        for (int c = 0; c < types.size(); c++) {
            encode(batch.column(c), 0, batch.rowCount());
        }
        int rawLength = sink.size;
        stored = ensure(stored, (int) Zstd.compressBound(rawLength));
        long compressed = Zstd.compressByteArray(stored, 0, stored.length, sink.bytes, 0, rawLength, LEVEL);
        if (Zstd.isError(compressed)) {
            throw new IOException("zstd compression failed: " + Zstd.getErrorName(compressed));
        }
        boolean useCompressed = compressed < rawLength;
        byte[] payload = useCompressed ? stored : sink.bytes;
        int storedLength = useCompressed ? (int) compressed : rawLength;
        crc.reset();
        crc.update(payload, 0, storedLength);
        header.clear();
        header.putInt(MAGIC).putInt(batch.rowCount()).putInt(rawLength).putInt(storedLength).put(useCompressed ? ZSTD : STORED)
                .putInt((int) crc.getValue());
        crc.reset();
        crc.update(header.array(), 0, CHECKED_HEADER_BYTES);
        header.putInt((int) crc.getValue());
        out.write(header.array(), 0, HEADER_BYTES);
        out.write(payload, 0, storedLength);
        return HEADER_BYTES + storedLength;
    }

    /**
     * Reads the next frame, or returns {@code null} at the end of the stream; {@code source} names
     * the stream (a spill file's path) in errors.
     */
    public Batch read(InputStream in, String source) throws IOException {
        byte[] head = header.array();
        int got = in.readNBytes(head, 0, HEADER_BYTES);
        if (got == 0) {
            return null;
        }
        if (got < HEADER_BYTES) {
            throw corrupt(source, "truncated: the stream ends inside a batch header");
        }
        header.clear();
        int magic = header.getInt();
        int rows = header.getInt();
        int rawLength = header.getInt();
        int storedLength = header.getInt();
        byte compression = header.get();
        int payloadChecksum = header.getInt();
        int headerChecksum = header.getInt();
        crc.reset();
        crc.update(head, 0, CHECKED_HEADER_BYTES);
        if (magic != MAGIC || (int) crc.getValue() != headerChecksum) {
            throw corrupt(source, "corrupt: not a batch header");
        }
        if (rows < 0 || rawLength < 0 || storedLength < 0 || (compression != STORED && compression != ZSTD)) {
            throw corrupt(source, "corrupt: invalid batch header");
        }
        stored = ensure(stored, storedLength);
        if (in.readNBytes(stored, 0, storedLength) < storedLength) {
            throw corrupt(source, "truncated: the stream ends inside a batch of " + storedLength + " bytes");
        }
        crc.reset();
        crc.update(stored, 0, storedLength);
        if ((int) crc.getValue() != payloadChecksum) {
            throw corrupt(source, "corrupt: checksum mismatch in a batch of " + storedLength + " bytes");
        }
        byte[] bytes = stored;
        if (compression == ZSTD) {
            raw = ensure(raw, rawLength);
            long length = Zstd.decompressByteArray(raw, 0, rawLength, stored, 0, storedLength);
            if (Zstd.isError(length) || length != rawLength) {
                throw corrupt(source, "corrupt: zstd data does not decompress to " + rawLength + " bytes");
            }
            bytes = raw;
        }
        Source from = new Source(ByteBuffer.wrap(bytes, 0, rawLength).order(ByteOrder.LITTLE_ENDIAN));
        List<ColumnVector> columns = new ArrayList<>(types.size());
        try {
            for (DataType type : types) {
                columns.add(decode(type, rows, from));
            }
        } catch (RuntimeException e) {
            throw corrupt(source, "corrupt: the batch does not decode as " + typeNames() + " (" + e + ")").withCause(e);
        }
        if (from.buffer.hasRemaining()) {
            throw corrupt(source, "corrupt: " + from.buffer.remaining() + " bytes left after decoding a batch as " + typeNames());
        }
        return new Batch(columns, rows);
    }

    private String typeNames() {
        return types.stream().map(DataType::simpleString).toList().toString();
    }

    private static EmberException corrupt(String source, String detail) {
        return EmberException.of(ErrorClass.IO_ERROR, "operation", "Reading batches", "path", source, "detail", detail);
    }

    private static byte[] ensure(byte[] buffer, int length) {
        return buffer.length >= length ? buffer : new byte[Math.max(length, buffer.length + (buffer.length >> 1))];
    }

    // ---------------------------------------------------------------- encoding

    private void encode(ColumnVector vector, int from, int count) {
        if (vector instanceof NullVector) {
            return; // the type says it all
        }
        encodeNulls(vector.nulls(), from, count);
        if (vector instanceof BooleanVector booleans) {
            sink.bits(booleans.values(), from, count);
        } else if (vector instanceof IntVector ints) {
            sink.ints(ints.values(), from, count);
        } else if (vector instanceof LongVector longs) {
            sink.longs(longs.values(), from, count);
        } else if (vector instanceof DoubleVector doubles) {
            sink.doubles(doubles.values(), from, count);
        } else if (vector instanceof StringVector strings) {
            encodeStrings(strings, from, count);
        } else if (vector instanceof DecimalVector decimals) {
            encodeDecimals(decimals, from, count);
        } else if (vector instanceof ArrayVector arrays) {
            int start = encodeLengths(arrays::start, from, count);
            encode(arrays.elements(), start, arrays.start(from + count) - start);
        } else if (vector instanceof MapVector maps) {
            int start = encodeLengths(maps::start, from, count);
            encode(maps.keys(), start, maps.start(from + count) - start);
            encode(maps.values(), start, maps.start(from + count) - start);
        } else if (vector instanceof StructVector structs) {
            for (ColumnVector field : structs.fields()) {
                encode(field, from, count);
            }
        } else {
            throw new IllegalArgumentException("no encoding for " + vector.getClass().getSimpleName());
        }
    }

    private void encodeNulls(boolean[] nulls, int from, int count) {
        boolean any = false;
        for (int i = from; nulls != null && i < from + count && !any; i++) {
            any = nulls[i];
        }
        sink.put(any ? 1 : 0);
        if (any) {
            sink.bits(nulls, from, count);
        }
    }

    /** Writes the lengths of values {@code [from, from + count)} and returns where the first starts. */
    private int encodeLengths(java.util.function.IntUnaryOperator starts, int from, int count) {
        sink.ensure(4L * count);
        for (int i = from; i < from + count; i++) {
            sink.putInt(starts.applyAsInt(i + 1) - starts.applyAsInt(i));
        }
        return starts.applyAsInt(from);
    }

    private void encodeStrings(StringVector strings, int from, int count) {
        boolean[] nulls = strings.nulls();
        if (strings.isDictionaryEncoded() && encodeDictionary(strings, from, count)) {
            return;
        }
        sink.put(0);
        sink.ensure(4L * count);
        int bytes = 0;
        for (int i = from; i < from + count; i++) {
            int length = nulls != null && nulls[i] ? 0 : strings.length(i);
            sink.putInt(length);
            bytes += length;
        }
        sink.ensure(bytes);
        int[] offsets = strings.offsets();
        if (!strings.isDictionaryEncoded() && offsets[from + count] - offsets[from] == bytes) {
            // The values lie next to each other (NULLs take no bytes): one copy.
            System.arraycopy(strings.bytes(), offsets[from], sink.bytes, sink.size, bytes);
            sink.size += bytes;
            return;
        }
        for (int i = from; i < from + count; i++) {
            if (nulls == null || !nulls[i]) {
                System.arraycopy(strings.bytes(), strings.start(i), sink.bytes, sink.size, strings.length(i));
                sink.size += strings.length(i);
            }
        }
    }

    /**
     * Writes the dictionary entries that positions {@code [from, from + count)} use and an id per
     * position, when that is smaller than the values written out; returns whether it did.
     */
    private boolean encodeDictionary(StringVector strings, int from, int count) {
        int[] ids = strings.ids();
        int[] offsets = strings.offsets();
        boolean[] nulls = strings.nulls();
        remap = remap.length >= offsets.length ? remap : new int[offsets.length];
        int[] used = new int[Math.min(count, offsets.length)];
        int entries = 0;
        long entryBytes = 0;
        long plainBytes = 0;
        for (int i = from; i < from + count; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            int id = ids[i];
            int length = offsets[id + 1] - offsets[id];
            plainBytes += length;
            int slot = remap[id]; // stale unless it points back at id: remap is never cleared
            if (slot >= entries || used[slot] != id) {
                remap[id] = entries;
                used[entries++] = id;
                entryBytes += length;
            }
        }
        boolean worthIt = entries > 0 && entryBytes + 4L * entries < plainBytes;
        if (worthIt) {
            sink.put(1);
            sink.putInt(entries);
            sink.ensure(4L * entries + entryBytes + 4L * count);
            for (int e = 0; e < entries; e++) {
                sink.putInt(offsets[used[e] + 1] - offsets[used[e]]);
            }
            for (int e = 0; e < entries; e++) {
                int length = offsets[used[e] + 1] - offsets[used[e]];
                System.arraycopy(strings.bytes(), offsets[used[e]], sink.bytes, sink.size, length);
                sink.size += length;
            }
            for (int i = from; i < from + count; i++) {
                sink.putInt(nulls != null && nulls[i] ? 0 : remap[ids[i]]);
            }
        }
        return worthIt;
    }

    private void encodeDecimals(DecimalVector decimals, int from, int count) {
        sink.longs(decimals.unscaledValues(), from, count);
        int wide = 0;
        for (int i = from; i < from + count && !decimals.allLongs(); i++) {
            wide += decimals.isLong(i) ? 0 : 1;
        }
        sink.putInt(wide);
        for (int i = from; i < from + count && wide > 0; i++) {
            if (!decimals.isLong(i)) {
                BigDecimal value = decimals.get(i);
                byte[] digits = value.unscaledValue().toByteArray();
                sink.ensure(12L + digits.length);
                sink.putInt(i - from);
                sink.putInt(value.scale());
                sink.putInt(digits.length);
                System.arraycopy(digits, 0, sink.bytes, sink.size, digits.length);
                sink.size += digits.length;
            }
        }
    }

    // ---------------------------------------------------------------- decoding

    private ColumnVector decode(DataType type, int count, Source in) {
        if (type == AtomicType.NULL) {
            return new NullVector(count);
        }
        boolean[] nulls = in.get() == 0 ? null : in.bits(count);
        if (type == AtomicType.BOOLEAN) {
            return new BooleanVector(count, in.bits(count), nulls);
        }
        if (IntVector.holds(type)) {
            return new IntVector(type, count, in.ints(count), nulls);
        }
        if (type == AtomicType.LONG || type == AtomicType.TIMESTAMP) {
            return new LongVector(type, count, in.longs(count), nulls);
        }
        if (type == AtomicType.DOUBLE || type == AtomicType.FLOAT) {
            return new DoubleVector(type, count, in.doubles(count), nulls);
        }
        if (type == AtomicType.STRING || type == AtomicType.BINARY) {
            return decodeStrings(type, count, nulls, in);
        }
        if (type instanceof DecimalType decimal) {
            return decodeDecimals(decimal, count, nulls, in);
        }
        if (type instanceof ArrayType array) {
            int[] offsets = in.offsets(count);
            return new ArrayVector(array, count, offsets, decode(array.elementType(), offsets[count], in), nulls);
        }
        if (type instanceof MapType map) {
            int[] offsets = in.offsets(count);
            ColumnVector keys = decode(map.keyType(), offsets[count], in);
            return new MapVector(map, count, offsets, keys, decode(map.valueType(), offsets[count], in), nulls);
        }
        if (type instanceof StructType struct) {
            List<ColumnVector> fields = new ArrayList<>(struct.size());
            for (int f = 0; f < struct.size(); f++) {
                fields.add(decode(struct.fields().get(f).dataType(), count, in));
            }
            return new StructVector(struct, count, fields, nulls);
        }
        throw new IllegalArgumentException("no encoding for " + type.simpleString());
    }

    private static ColumnVector decodeStrings(DataType type, int count, boolean[] nulls, Source in) {
        if (in.get() == 0) {
            int[] offsets = in.offsets(count);
            return new StringVector(type, count, in.bytes(offsets[count]), offsets, nulls);
        }
        int entries = in.getInt();
        int[] offsets = in.offsets(entries);
        byte[] bytes = in.bytes(offsets[entries]);
        int[] ids = in.ints(count);
        for (int id : ids) {
            if (id < 0 || id >= entries) {
                throw new IllegalArgumentException("dictionary id " + id + " of " + entries + " entries");
            }
        }
        return StringVector.dictionaryEncoded(type, count, bytes, offsets, ids, nulls);
    }

    private static ColumnVector decodeDecimals(DecimalType type, int count, boolean[] nulls, Source in) {
        long[] unscaled = in.longs(count);
        int wideCount = in.getInt();
        BigDecimal[] wide = wideCount == 0 ? null : new BigDecimal[count];
        for (int w = 0; w < wideCount; w++) {
            int position = in.getInt();
            int scale = in.getInt();
            wide[position] = new BigDecimal(new BigInteger(in.bytes(in.getInt())), scale);
        }
        return DecimalVector.of(type, count, unscaled, wide, nulls);
    }

    /** The growing buffer a batch's raw encoding is written to, little-endian. */
    private static final class Sink {
        byte[] bytes = new byte[1 << 16];
        int size;
        ByteBuffer view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);

        void ensure(long more) {
            if (size + more > bytes.length) {
                long capacity = Math.max(size + more, 2L * bytes.length);
                if (capacity > Integer.MAX_VALUE - 16) {
                    throw new IllegalArgumentException("a batch too large to encode: " + capacity + " bytes");
                }
                bytes = Arrays.copyOf(bytes, (int) capacity);
                view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            }
        }

        void put(int value) {
            ensure(1);
            bytes[size++] = (byte) value;
        }

        void putInt(int value) {
            ensure(4);
            view.putInt(size, value);
            size += 4;
        }

        void ints(int[] values, int from, int count) {
            ensure(4L * count);
            view.position(size);
            view.asIntBuffer().put(values, from, count);
            size += 4 * count;
        }

        void longs(long[] values, int from, int count) {
            ensure(8L * count);
            view.position(size);
            view.asLongBuffer().put(values, from, count);
            size += 8 * count;
        }

        void doubles(double[] values, int from, int count) {
            ensure(8L * count);
            view.position(size);
            view.asDoubleBuffer().put(values, from, count);
            size += 8 * count;
        }

        void bits(boolean[] values, int from, int count) {
            int length = (count + 7) >>> 3;
            ensure(length);
            Arrays.fill(bytes, size, size + length, (byte) 0);
            for (int i = 0; i < count; i++) {
                if (values[from + i]) {
                    bytes[size + (i >>> 3)] |= (byte) (1 << (i & 7));
                }
            }
            size += length;
        }
    }

    /** Reads a batch's raw encoding back. */
    private record Source(ByteBuffer buffer) {
        byte get() {
            return buffer.get();
        }

        int getInt() {
            return buffer.getInt();
        }

        int[] ints(int count) {
            int[] values = new int[count];
            buffer.asIntBuffer().get(values);
            buffer.position(buffer.position() + 4 * count);
            return values;
        }

        long[] longs(int count) {
            long[] values = new long[count];
            buffer.asLongBuffer().get(values);
            buffer.position(buffer.position() + 8 * count);
            return values;
        }

        double[] doubles(int count) {
            double[] values = new double[count];
            buffer.asDoubleBuffer().get(values);
            buffer.position(buffer.position() + 8 * count);
            return values;
        }

        byte[] bytes(int count) {
            byte[] values = new byte[count];
            buffer.get(values);
            return values;
        }

        /** {@code count} lengths as {@code count + 1} offsets from 0. */
        int[] offsets(int count) {
            int[] offsets = new int[count + 1];
            for (int i = 0; i < count; i++) {
                int length = buffer.getInt();
                if (length < 0) {
                    throw new IllegalArgumentException("negative length " + length);
                }
                offsets[i + 1] = Math.addExact(offsets[i], length);
            }
            return offsets;
        }

        boolean[] bits(int count) {
            boolean[] values = new boolean[count];
            int start = buffer.position();
            if (buffer.remaining() < (count + 7) >>> 3) {
                throw new IllegalArgumentException("bitmap of " + count + " past the end");
            }
            for (int i = 0; i < count; i++) {
                values[i] = (buffer.get(start + (i >>> 3)) & (1 << (i & 7))) != 0;
            }
            buffer.position(start + ((count + 7) >>> 3));
            return values;
        }
    }
}
