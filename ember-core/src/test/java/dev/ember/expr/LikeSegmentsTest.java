package dev.ember.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** LIKE patterns matched on bytes answer as the regular expressions they stand for. */
class LikeSegmentsTest {
    private static final List<String> PATTERNS = List.of("", "%", "%%", "abc", "ab%", "%bc", "%b%", "a%c", "ab%ba", "%special%requests%",
            "a%b%c", "%é%", "é%ü", "100\\%", "%a\\%b%", "a!%%", "%ab%ab%");
    private static final List<String> STRINGS = List.of("", "a", "abc", "aba", "abba", "ababab", "xspecial yy requests", "special requests",
            "requests special", "aXbYc", "acb", "café ü", "é ü", "100%", "100x", "xa%bx", "a%", "a%b");

    @Test
    void agreesWithTheRegularExpressionOfEachPattern() {
        for (String pattern : PATTERNS) {
            char escape = pattern.startsWith("a!") ? '!' : '\\';
            LikeSegments segments = LikeSegments.of(pattern, escape);
            Pattern regex = Pattern.compile(Like.likeToRegex(pattern, escape), Pattern.DOTALL);
            for (String text : STRINGS) {
                byte[] padded = ("<" + text + ">").getBytes(StandardCharsets.UTF_8);
                boolean expected = regex.matcher(text).matches();
                assertThat(segments.matches(padded, 1, padded.length - 2)).as("'%s' LIKE '%s'", text, pattern).isEqualTo(expected);
            }
        }
    }

    @Test
    void patternsWithOneCharacterWildcardsOrADanglingEscapeNeedARegularExpression() {
        assertThat(LikeSegments.of("a_c", '\\')).isNull();
        assertThat(LikeSegments.of("abc\\", '\\')).isNull();
        assertThat(LikeSegments.of("a\\_c", '\\')).isNotNull();
    }
}
