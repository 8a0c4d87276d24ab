package dev.ember.rdd;

import java.util.Random;

/**
 * The xorshift generator Spark's samplers use ({@code XORShiftRandom}): the same numbers for the
 * same seed, so that {@code sample}, {@code coalesce(n, true)} and the range partitioner's key
 * samples pick what Spark's pick. A seed is first spread over 64 bits with MurmurHash3 (the Scala
 * library's byte-array variant), as Spark does.
 */
final class XorShiftRandom extends Random {
    private static final long serialVersionUID = 1L;
    private static final int ARRAY_SEED = 0x3c074a61;

    private long state;

    XorShiftRandom(long seed) {
        super(seed);
        this.state = spread(seed);
    }

    @Override
    public synchronized void setSeed(long seed) {
        this.state = spread(seed);
    }

    @Override
    protected int next(int bits) {
        long x = state ^ (state << 21);
        x ^= x >>> 35;
        x ^= x << 4;
        state = x;
        return (int) (x & ((1L << bits) - 1));
    }

    /** The seed's eight big-endian bytes hashed twice: the low word, then the high word seeded with the low. */
    static long spread(long seed) {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (seed >>> (56 - 8 * i));
        }
        int low = murmur3(bytes, ARRAY_SEED);
        int high = murmur3(bytes, low);
        return ((long) high << 32) | (low & 0xFFFFFFFFL);
    }

    private static int murmur3(byte[] data, int seed) {
        int h = seed;
        int i = 0;
        for (; i + 4 <= data.length; i += 4) {
            int k = (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16 | (data[i + 3] & 0xFF) << 24;
            h = Integer.rotateLeft(mixK(h, k), 13) * 5 + 0xe6546b64;
        }
        int rest = data.length - i;
        if (rest > 0) {
            int k = 0;
            if (rest == 3) {
                k ^= (data[i + 2] & 0xFF) << 16;
            }
            if (rest >= 2) {
                k ^= (data[i + 1] & 0xFF) << 8;
            }
            k ^= data[i] & 0xFF;
            h = mixK(h, k);
        }
        h ^= data.length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static int mixK(int h, int k) {
        k *= 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        k *= 0x1b873593;
        return h ^ k;
    }

    /** Scala's {@code byteswap32}, which Spark uses to derive sampling seeds from partition numbers. */
    static int byteswap32(int v) {
        int hc = v * 0x9e3775cd;
        hc = Integer.reverseBytes(hc);
        return hc * 0x9e3775cd;
    }
}
