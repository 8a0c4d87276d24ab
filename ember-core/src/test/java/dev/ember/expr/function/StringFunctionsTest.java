package dev.ember.expr.function;

import static org.assertj.core.api.Assertions.assertThat;

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
}
