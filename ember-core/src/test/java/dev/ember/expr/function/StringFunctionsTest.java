package dev.ember.expr.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.expr.BoundReference;
import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.sql.types.AtomicType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.StringVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringFunctionsTest {
    @Test
    void padRepeatsThePadAndCutsToTheLengthInCharacters() {
        assertThat(Pad.pad("hi", 7, "ab", true)).isEqualTo("ababahi");
        assertThat(Pad.pad("hi", 7, "ab", false)).isEqualTo("hiababa");
        assertThat(Pad.pad("héllo", 3, "*", false)).isEqualTo("hél");
        assertThat(Pad.pad("hi", 4, "é", true)).isEqualTo("ééhi");
        assertThat(Pad.pad("hi", 5, "", true)).isEqualTo("hi");
        assertThat(Pad.pad("hello", 3, "", true)).isEqualTo("hel");
        assertThat(Pad.pad("hi", 0, "*", true)).isEmpty();
        assertThat(Pad.pad("hi", -1, "*", false)).isEmpty();
    }

    @Test
    void locateCountsCharactersFromOne() {
        assertThat(Locate.locate("l", "hello", 1)).isEqualTo(3);
        assertThat(Locate.locate("l", "hello", 4)).isEqualTo(4);
        assertThat(Locate.locate("l", "héllo", 1)).isEqualTo(3);
        assertThat(Locate.locate("o", "😀o", 1)).isEqualTo(2);
        assertThat(Locate.locate("o", "😀o", 2)).isEqualTo(2);
        assertThat(Locate.locate("z", "hello", 1)).isZero();
        assertThat(Locate.locate("l", "hello", 0)).isZero();
        assertThat(Locate.locate("l", "hello", 9)).isZero();
        assertThat(Locate.locate("", "hello", 3)).isEqualTo(1);
    }

    @Test
    void trimRemovesAnyOfTheCharactersFromTheChosenEnds() {
        assertThat(TrimChars.trim("xyaxyx", "xy", TrimChars.Side.BOTH)).isEqualTo("a");
        assertThat(TrimChars.trim("xyaxyx", "xy", TrimChars.Side.LEADING)).isEqualTo("axyx");
        assertThat(TrimChars.trim("xyaxyx", "xy", TrimChars.Side.TRAILING)).isEqualTo("xya");
        assertThat(TrimChars.trim("😀a😀", "😀", TrimChars.Side.BOTH)).isEqualTo("a");
        assertThat(TrimChars.trim("xx", "x", TrimChars.Side.BOTH)).isEmpty();
        assertThat(TrimChars.trim("  a ", "", TrimChars.Side.BOTH)).isEqualTo("  a ");
    }

    @Test
    void translateMapsByPositionRemovesUnmatchedAndKeepsTheFirstMapping() {
        assertThat(StringReplace.translate("abcde", "bd", "X")).isEqualTo("aXce");
        assertThat(StringReplace.translate("abc", "aa", "xy")).isEqualTo("xbc");
        assertThat(StringReplace.translate("aaa", "a", "")).isEmpty();
        assertThat(StringReplace.translate("héllo", "é", "e")).isEqualTo("hello");
    }

    private static final StringVector WORDS = StringVector.of("hello", "héllo😀x", "", null);

    /** substring(words, pos[, len]) for each row of {@link #WORDS}. */
    private static List<Object> substring(Integer pos, Integer len) {
        List<Expression> arguments = new ArrayList<>(List.of(new BoundReference(0, AtomicType.STRING, true, "s"), new Literal(pos, AtomicType.INT)));
        if (len != null) {
            arguments.add(new Literal(len, AtomicType.INT));
        }
        ColumnVector result = new Substring(arguments).eval(Batch.of(WORDS));
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < result.size(); i++) {
            values.add(result.getObject(i));
        }
        return values;
    }

    @Test
    void substringCountsCharactersNotBytes() {
        assertThat(substring(2, 3)).containsExactly("ell", "éll", "", null);
        assertThat(substring(5, null)).containsExactly("o", "o😀x", "", null);
        assertThat(substring(6, 1)).containsExactly("", "😀", "", null);
        assertThat(substring(0, 2)).containsExactly("he", "hé", "", null);
        assertThat(substring(-2, null)).containsExactly("lo", "😀x", "", null);
        assertThat(substring(-7, 3)).as("from before the start: what of the window is left").containsExactly("h", "hél", "", null);
        assertThat(substring(-9, 3)).containsExactly("", "h", "", null);
        assertThat(substring(3, -1)).containsExactly("", "", "", null);
        assertThat(substring(9, 2)).containsExactly("", "", "", null);
        assertThat(substring(Integer.MAX_VALUE, Integer.MAX_VALUE)).containsExactly("", "", "", null);
        assertThat(substring(null, 2)).isEqualTo(Arrays.asList(null, null, null, null));
    }
}
