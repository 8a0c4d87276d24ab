package dev.ember.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {
    private static List<String> describe(String sql) {
        return Lexer.tokenize(sql).stream().map(t -> t.type() + ":" + t.text()).toList();
    }

    private static List<String> values(String sql) {
        return Lexer.tokenize(sql).stream().filter(t -> !t.is(TokenType.END_OF_INPUT)).map(Token::text).toList();
    }

    @Test
    void splitsWordsSymbolsAndQuotedIdentifiers() {
        assertThat(describe("SELECT a.b, `x``y z` FROM t WHERE x<=>1 AND y<>2 OR z!=3 OR c::int || 'd'"))
                .containsExactly("WORD:SELECT", "WORD:a", "DOT:.", "WORD:b", "COMMA:,", "QUOTED_IDENTIFIER:x`y z",
                        "WORD:FROM", "WORD:t", "WORD:WHERE", "WORD:x", "NULL_SAFE_EQ:<=>", "NUMBER:1", "WORD:AND",
                        "WORD:y", "NOT_EQ:<>", "NUMBER:2", "WORD:OR", "WORD:z", "BANG_EQ:!=", "NUMBER:3", "WORD:OR",
                        "WORD:c", "DOUBLE_COLON:::", "WORD:int", "CONCAT:||", "STRING:d", "END_OF_INPUT:");
    }

    @Test
    void skipsLineAndNestedBlockComments() {
        assertThat(values("SELECT -- one\n 1 /* two /* nested */ still */ + /**/2"))
                .containsExactly("SELECT", "1", "+", "2");
    }

    @Test
    void commentMarkersInsideStringsAreText() {
        assertThat(values("'--not' \"/*no*/\" ';'")).containsExactly("--not", "/*no*/", ";");
    }

    @Test
    void unescapesStringsAsSpark() {
        assertThat(values("'a\\'b' \"c\\\"d\" 'it''s' '\\n\\t\\\\' '\\u0041\\101' 'x\\y' '\\%\\_' r'\\n' R\"\\d+\""))
                .containsExactly("a'b", "c\"d", "it's", "\n\t\\", "AA", "xy", "\\%\\_", "\\n", "\\d+");
    }

    @Test
    void numbersAndWordsFollowSparksLongestMatch() {
        assertThat(describe("1 1L 1s 1Y 1.5 .5 1. 1e3 1.5E-2D 1.5bd 2f 1a 2nd_col 1.5x t.5"))
                .containsExactly("NUMBER:1", "NUMBER:1L", "NUMBER:1s", "NUMBER:1Y", "NUMBER:1.5", "NUMBER:.5",
                        "NUMBER:1.", "NUMBER:1e3", "NUMBER:1.5E-2D", "NUMBER:1.5bd", "NUMBER:2f", "WORD:1a",
                        "WORD:2nd_col", "NUMBER:1.5", "WORD:x", "WORD:t", "DOT:.", "NUMBER:5", "END_OF_INPUT:");
    }

    @Test
    void wholeNumberSuffixesDoNotFollowAFraction() {
        assertThat(describe("1.5L")).containsExactly("NUMBER:1.5", "WORD:L", "END_OF_INPUT:");
    }

    @Test
    void tracksLinesAndColumns() {
        List<Token> tokens = Lexer.tokenize("SELECT\n  a,\n\t'x\ny' b\n");
        Token a = tokens.get(1);
        Token string = tokens.get(3);
        Token b = tokens.get(4);
        Token end = tokens.get(5);
        assertThat(List.of(a.line(), a.column())).containsExactly(2, 3);
        assertThat(List.of(string.line(), string.column())).containsExactly(3, 2);
        assertThat(List.of(b.line(), b.column())).containsExactly(4, 4);
        assertThat(List.of(end.line(), end.column())).containsExactly(5, 1);
    }

    @Test
    void unknownCharactersBecomeTokensForTheParserToReport() {
        assertThat(describe("a # b")).containsExactly("WORD:a", "UNKNOWN:#", "WORD:b", "END_OF_INPUT:");
    }

    @Test
    void unclosedStringIsAnError() {
        assertThatThrownBy(() -> Lexer.tokenize("SELECT 'abc"))
                .isInstanceOf(EmberException.class)
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near ''abc': unclosed string literal."
                        + " SQLSTATE: 42601 (line 1, pos 7)");
    }

    @Test
    void unclosedCommentAndQuotedIdentifierAreErrors() {
        assertThatThrownBy(() -> Lexer.tokenize("SELECT 1 /* a /* b */"))
                .hasMessageContaining(": unclosed comment.").hasMessageContaining("(line 1, pos 9)");
        assertThatThrownBy(() -> Lexer.tokenize("SELECT `a"))
                .hasMessageContaining(": unclosed quoted identifier.");
    }
}
