package dev.ember.io.parquet;

/**
 * One byte array that the data pages of a column are decompressed into, each over the last, so
 * that reading a column allocates no array per page and writes into memory already in cache. Only
 * for a reader that is done with a page, and keeps none of its bytes, before it reads the next.
 */
final class PageBuffer {
    private byte[] bytes = new byte[0];

    /** The array, grown to hold at least {@code size} bytes; what it held before is lost. */
    byte[] atLeast(int size) {
        if (bytes.length < size) {
            bytes = new byte[Math.max(size, bytes.length + (bytes.length >> 1))];
        }
        return bytes;
    }
}
