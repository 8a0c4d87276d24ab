package dev.ember.io.parquet;

import com.github.luben.zstd.Zstd;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.source.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * The page compression codecs Ember reads and writes, each backed by its usual library (Parquet
 * compresses each page as one block: raw Snappy, a gzip stream, a Zstandard frame).
 */
enum ParquetCodec {
    UNCOMPRESSED(CompressionCodecName.UNCOMPRESSED, ""),
    SNAPPY(CompressionCodecName.SNAPPY, ".snappy"),
    GZIP(CompressionCodecName.GZIP, ".gz"),
    ZSTD(CompressionCodecName.ZSTD, ".zstd");

    private final CompressionCodecName parquetName;
    private final String extension;

    ParquetCodec(CompressionCodecName parquetName, String extension) {
        this.parquetName = parquetName;
        this.extension = extension;
    }

    CompressionCodecName parquetName() {
        return parquetName;
    }

    /** What Spark puts before {@code .parquet} in the names of files of this codec. */
    String extension() {
        return extension;
    }

    /** The codec of the {@code compression} (or {@code parquet.compression}) write option; Snappy by default, as Spark. */
    static ParquetCodec forWrite(Options options) {
        String name = options.get("compression", options.get("parquet.compression", "snappy"));
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "none", "uncompressed" -> UNCOMPRESSED;
            case "snappy" -> SNAPPY;
            case "gzip" -> GZIP;
            case "zstd" -> ZSTD;
            default -> throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE,
                    "feature", "Parquet compression codec '" + name + "' (supported: none, uncompressed, snappy, gzip, zstd)");
        };
    }

    /** The codec of a column chunk, or null when Ember cannot decompress it. */
    static ParquetCodec of(CompressionCodecName name) {
        return switch (name) {
            case UNCOMPRESSED -> UNCOMPRESSED;
            case SNAPPY -> SNAPPY;
            case GZIP -> GZIP;
            case ZSTD -> ZSTD;
            default -> null;
        };
    }

    byte[] compress(byte[] data) throws IOException {
        return switch (this) {
            case UNCOMPRESSED -> data;
            case SNAPPY -> Snappy.compress(data);
            case ZSTD -> Zstd.compress(data, 3);
            case GZIP -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
                try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                    gzip.write(data);
                }
                yield out.toByteArray();
            }
        };
    }

    byte[] decompress(byte[] data, int offset, int length, int uncompressedLength) throws IOException {
        byte[] result = new byte[uncompressedLength];
        decompress(data, offset, length, result, uncompressedLength);
        return result;
    }

    /** Decompresses {@code data[offset .. offset + length)} into {@code target[0 .. uncompressedLength)}, a buffer that may be longer. */
    void decompress(byte[] data, int offset, int length, byte[] target, int uncompressedLength) throws IOException {
        int produced = switch (this) {
            case UNCOMPRESSED -> {
                System.arraycopy(data, offset, target, 0, Math.min(length, uncompressedLength));
                yield length;
            }
            case SNAPPY -> Snappy.uncompress(data, offset, length, target, 0);
            case ZSTD -> (int) checkZstd(Zstd.decompressByteArray(target, 0, uncompressedLength, data, offset, length));
            case GZIP -> {
                try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(data, offset, length))) {
                    yield gzip.readNBytes(target, 0, uncompressedLength);
                }
            }
        };
        if (produced != uncompressedLength) {
            throw new IOException(name().toLowerCase(Locale.ROOT) + " page decompressed to " + produced + " bytes, expected " + uncompressedLength);
        }
    }

    private static long checkZstd(long result) throws IOException {
        if (Zstd.isError(result)) {
            throw new IOException("zstd: " + Zstd.getErrorName(result));
        }
        return result;
    }
}
