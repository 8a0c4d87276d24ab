package dev.ember.parser;

import static java.util.Objects.requireNonNull;

/**
 * One token of a SQL text.
 *
 * @param text the meaning of the token: the name of an identifier (unquoted), the value of a string
 *     literal (unescaped), or the characters as written for everything else
 * @param start offset of the first character in the SQL text
 * @param end offset just past the last character
 * @param line 1-based line of the first character
 * @param column 1-based column of the first character
 */
record Token(TokenType type, String text, int start, int end, int line, int column) {
    Token {
        requireNonNull(type, "type is null");
        requireNonNull(text, "text is null");
    }

    boolean is(TokenType expected) {
        return type == expected;
    }

    /** Whether this is the unquoted word {@code keyword}, in any case. */
    boolean isWord(String keyword) {
        return type == TokenType.WORD && text.equalsIgnoreCase(keyword);
    }

    /** Whether this token can name something: an unquoted word or a back-quoted identifier. */
    boolean isIdentifier() {
        return type == TokenType.WORD || type == TokenType.QUOTED_IDENTIFIER;
    }
}
