package dev.ember.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.junit.jupiter.api.Test;

/** Decodes what parquet-java's encoder writes, whatever the bit width and however the reads cut the runs. */
class RleBitPackedDecoderTest {
    /** Runs of repeats and stretches of noise, so that both kinds of runs come out, long and short. */
    private static int[] values(int count, int bitWidth, long seed) {
        Random random = new Random(seed);
        long bound = 1L << bitWidth;
        int[] values = new int[count];
        for (int i = 0; i < count; ) {
            int length = 1 + random.nextInt(random.nextBoolean() ? 5 : 300);
            boolean repeat = random.nextBoolean();
            int value = (int) (random.nextLong() & (bound - 1));
            for (int j = 0; j < length && i < count; j++, i++) {
                values[i] = repeat ? value : (int) (random.nextLong() & (bound - 1));
            }
        }
        return values;
    }

    private static byte[] encode(int[] values, int bitWidth) throws IOException {
        RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 20, HeapByteBufferAllocator.getInstance());
        for (int value : values) {
            encoder.writeInt(value);
        }
        return encoder.toBytes().toByteArray();
    }

    @Test
    void readsEveryBitWidthInReadsOfAnySize() throws IOException {
        int[] reads = {1, 7, 8, 9, 31, 32, 33, 100, 1000};
        for (int bitWidth = 0; bitWidth <= 32; bitWidth++) {
            int[] expected = values(5000, bitWidth, bitWidth);
            byte[] encoded = encode(expected, bitWidth);
            RleBitPackedDecoder decoder = new RleBitPackedDecoder(encoded, 0, encoded.length, bitWidth);
            int[] actual = new int[expected.length + 3];
            for (int done = 0, r = 0; done < expected.length; r++) {
                int count = Math.min(reads[r % reads.length], expected.length - done);
                decoder.read(actual, done + 3, count);
                done += count;
            }
            assertThat(Arrays.copyOfRange(actual, 3, actual.length)).as("bit width %d", bitWidth).containsExactly(expected);
        }
    }

    @Test
    void picksValuesAmongReadsAndSkipsOfAnySize() throws IOException {
        int[] reads = {1, 7, 8, 9, 31, 32, 33, 100, 1000};
        for (int bitWidth = 0; bitWidth <= 32; bitWidth++) {
            int[] expected = values(5000, bitWidth, bitWidth);
            byte[] encoded = encode(expected, bitWidth);
            RleBitPackedDecoder decoder = new RleBitPackedDecoder(encoded, 0, encoded.length, bitWidth);
            Random random = new Random(bitWidth);
            for (int done = 0, r = 0; done < expected.length; r++) {
                int total = Math.min(reads[r % reads.length], expected.length - done);
                // Every third stretch is read whole, so that picks also start within an unpacked group.
                if (r % 3 == 2) {
                    int[] read = new int[total];
                    decoder.read(read, 0, total);
                    assertThat(read).containsExactly(Arrays.copyOfRange(expected, done, done + total));
                } else {
                    int stride = 1 + random.nextInt(12);
                    int[] picks = IntStream.range(0, total).filter(i -> i % stride == stride - 1).toArray();
                    int[] picked = new int[picks.length + 2];
                    decoder.pick(picked, 2, picks, picks.length, total);
                    for (int i = 0; i < picks.length; i++) {
                        assertThat(picked[2 + i]).as("bit width %d, value %d", bitWidth, done + picks[i]).isEqualTo(expected[done + picks[i]]);
                    }
                }
                done += total;
            }
        }
    }

    @Test
    void aLastRunMayStopShortOfItsPadding() throws IOException {
        int[] expected = {1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3};
        byte[] encoded = encode(expected, 3);
        // 11 values bit-packed at 3 bits: two groups, 6 bytes after the header; the last byte holds only padding.
        byte[] cut = Arrays.copyOf(encoded, encoded.length - 1);
        RleBitPackedDecoder decoder = new RleBitPackedDecoder(cut, 0, cut.length, 3);
        int[] actual = new int[11];
        decoder.read(actual, 0, 11);
        assertThat(actual).containsExactly(expected);
        int[] last = new int[1];
        new RleBitPackedDecoder(cut, 0, cut.length, 3).pick(last, 0, new int[] {10}, 1, 11);
        assertThat(last[0]).isEqualTo(3);
    }

    @Test
    void definitionLevelsBecomeNullFlags() throws IOException {
        int[] levels = values(3000, 1, 7);
        byte[] encoded = encode(levels, 1);
        RleBitPackedDecoder decoder = new RleBitPackedDecoder(encoded, 0, encoded.length, 1);
        boolean[] nulls = new boolean[levels.length];
        int present = 0;
        for (int done = 0; done < levels.length; done += 37) {
            present += decoder.readNulls(Math.min(37, levels.length - done), 1, nulls, done);
        }
        for (int i = 0; i < levels.length; i++) {
            assertThat(nulls[i]).as("level %d", i).isEqualTo(levels[i] == 0);
        }
        assertThat(present).isEqualTo(Arrays.stream(levels).sum());
    }
}
