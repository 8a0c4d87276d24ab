package dev.ember.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XxHash64Test {
    private static long hash(String text, long seed) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return XxHash64.hashBytes(bytes, 0, bytes.length, seed);
    }

    @Test
    void matchesTheReferenceVectors() {
        assertThat(hash("", 0)).isEqualTo(0xEF46DB3751D8E999L);
        assertThat(hash("abc", 0)).isEqualTo(0x44BC2CF5AD770999L);
        // 39 bytes: one 32-byte stripe, then the 8-, 4- and 1-byte tails.
        assertThat(hash("Nobody inspects the spammish repetition", 0)).isEqualTo(0xFBCEA83C8A378BF1L);
    }

    @Test
    void integersHashAsTheirLittleEndianBytes() {
        byte[] four = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(-123456).array();
        byte[] eight = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40 | 7).array();
        assertThat(XxHash64.hashInt(-123456, 42)).isEqualTo(XxHash64.hashBytes(four, 0, 4, 42));
        assertThat(XxHash64.hashLong(1L << 40 | 7, 42)).isEqualTo(XxHash64.hashBytes(eight, 0, 8, 42));
        assertThat(XxHash64.hashLong(5, 42)).isNotEqualTo(XxHash64.hashLong(5, 0));
    }
}
