package dev.ember.parser;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.error.QueryPosition;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into {@link Token}s, skipping white space and comments ({@code -- ...} to the end
 * of the line, {@code /* ... *}{@code /} which may nest, as in Spark).
 *
 * <p>The token list always ends with one {@link TokenType#END_OF_INPUT} token placed just past the
 * last character. A character that starts no token becomes an {@link TokenType#UNKNOWN} token rather
 * than an immediate error, so that the parser can report it where it stands and so that
 * {@code SET key = value} can take any raw text as its value.
 */
final class Lexer {
    private final String sql;
    private final List<Token> tokens = new ArrayList<>();
    private int offset;
    private int line = 1;
    /** Offset of the first character of the current line, for 1-based columns. */
    private int lineStart;

    private Lexer(String sql) {
        this.sql = sql;
    }

    static List<Token> tokenize(String sql) {
        Lexer lexer = new Lexer(sql);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            skipWhitespaceAndComments();
            if (offset >= sql.length()) {
                add(TokenType.END_OF_INPUT, "", offset, offset, line, offset - lineStart + 1);
                return;
            }
            scanToken();
        }
    }

    private void scanToken() {
        int start = offset;
        int startLine = line;
        int startColumn = offset - lineStart + 1;
        char c = sql.charAt(offset);
        if ((c == 'r' || c == 'R') && offset + 1 < sql.length() && isQuote(sql.charAt(offset + 1))) {
            offset++;
            String value = scanString(true, start, startLine, startColumn);
            add(TokenType.STRING, value, start, offset, startLine, startColumn);
        } else if (isQuote(c)) {
            String value = scanString(false, start, startLine, startColumn);
            add(TokenType.STRING, value, start, offset, startLine, startColumn);
        } else if (c == '`') {
            String name = scanQuotedIdentifier(start, startLine, startColumn);
            add(TokenType.QUOTED_IDENTIFIER, name, start, offset, startLine, startColumn);
        } else if (isDigit(c) || (c == '.' && startsFraction())) {
            scanNumberOrWord(start, startLine, startColumn);
        } else if (isWordChar(c)) {
            while (offset < sql.length() && isWordChar(sql.charAt(offset))) {
                offset++;
            }
            add(TokenType.WORD, sql.substring(start, offset), start, offset, startLine, startColumn);
        } else {
            TokenType type = scanSymbol();
            add(type, sql.substring(start, offset), start, offset, startLine, startColumn);
        }
    }

    /** {@code .5} is a number only where a name cannot end before it: {@code t.5} is not {@code t 0.5}. */
    private boolean startsFraction() {
        if (offset + 1 >= sql.length() || !isDigit(sql.charAt(offset + 1))) {
            return false;
        }
        if (tokens.isEmpty()) {
            return true;
        }
        Token previous = tokens.get(tokens.size() - 1);
        boolean adjacent = previous.end() == offset;
        return !(adjacent && (previous.isIdentifier() || previous.is(TokenType.RIGHT_PAREN)
                || previous.is(TokenType.RIGHT_BRACKET)));
    }

    /**
     * Numbers as Spark lexes them: digits, an optional fraction, an optional exponent, an optional
     * suffix ({@code L S Y F D BD}). As in Spark's longest-match lexer, a run of letters, digits and
     * underscores that is longer than the number without a fraction is an identifier ({@code 1a},
     * {@code 2nd_col}), while {@code 1.5x} is the number {@code 1.5} followed by the word {@code x}.
     */
    private void scanNumberOrWord(int start, int startLine, int startColumn) {
        boolean fraction = false;
        boolean exponent = false;
        skipDigits();
        if (offset < sql.length() && sql.charAt(offset) == '.') {
            fraction = true;
            offset++;
            skipDigits();
        }
        if (offset < sql.length() && (sql.charAt(offset) == 'e' || sql.charAt(offset) == 'E')) {
            int digitsStart = offset + 1;
            if (digitsStart < sql.length() && (sql.charAt(digitsStart) == '+' || sql.charAt(digitsStart) == '-')) {
                digitsStart++;
            }
            if (digitsStart < sql.length() && isDigit(sql.charAt(digitsStart))) {
                offset = digitsStart;
                exponent = true;
                skipDigits();
            }
        }
        offset += suffixLength(offset, !fraction && !exponent);
        if (!fraction) {
            int wordEnd = start;
            while (wordEnd < sql.length() && isWordChar(sql.charAt(wordEnd))) {
                wordEnd++;
            }
            if (wordEnd > offset) {
                offset = wordEnd;
                add(TokenType.WORD, sql.substring(start, offset), start, offset, startLine, startColumn);
                return;
            }
        }
        add(TokenType.NUMBER, sql.substring(start, offset), start, offset, startLine, startColumn);
    }

    /** {@code L S Y} only follow whole numbers: {@code 1.5L} is {@code 1.5} aliased {@code L}, as in Spark. */
    private int suffixLength(int at, boolean integral) {
        if (at + 1 < sql.length() && sql.regionMatches(true, at, "bd", 0, 2)) {
            return 2;
        }
        String suffixes = integral ? "lsyfdLSYFD" : "fdFD";
        if (at < sql.length() && suffixes.indexOf(sql.charAt(at)) >= 0) {
            return 1;
        }
        return 0;
    }

    private void skipDigits() {
        while (offset < sql.length() && isDigit(sql.charAt(offset))) {
            offset++;
        }
    }

    private TokenType scanSymbol() {
        char c = sql.charAt(offset);
        char next = offset + 1 < sql.length() ? sql.charAt(offset + 1) : '\0';
        char third = offset + 2 < sql.length() ? sql.charAt(offset + 2) : '\0';
        int length = 1;
        TokenType type = switch (c) {
            case '(' -> TokenType.LEFT_PAREN;
            case ')' -> TokenType.RIGHT_PAREN;
            case '[' -> TokenType.LEFT_BRACKET;
            case ']' -> TokenType.RIGHT_BRACKET;
            case ',' -> TokenType.COMMA;
            case '.' -> TokenType.DOT;
            case ';' -> TokenType.SEMICOLON;
            case '*' -> TokenType.STAR;
            case '+' -> TokenType.PLUS;
            case '/' -> TokenType.SLASH;
            case '%' -> TokenType.PERCENT;
            case '&' -> TokenType.AMPERSAND;
            case '^' -> TokenType.CARET;
            case '~' -> TokenType.TILDE;
            case ':' -> {
                if (next == ':') {
                    length = 2;
                    yield TokenType.DOUBLE_COLON;
                }
                yield TokenType.COLON;
            }
            case '-' -> {
                if (next == '>') {
                    length = 2;
                    yield TokenType.ARROW;
                }
                yield TokenType.MINUS;
            }
            case '|' -> {
                if (next == '|') {
                    length = 2;
                    yield TokenType.CONCAT;
                }
                yield TokenType.PIPE;
            }
            case '!' -> {
                if (next == '=') {
                    length = 2;
                    yield TokenType.BANG_EQ;
                }
                yield TokenType.BANG;
            }
            case '=' -> {
                if (next == '=' || next == '>') {
                    length = 2;
                    yield next == '=' ? TokenType.DOUBLE_EQ : TokenType.FAT_ARROW;
                }
                yield TokenType.EQ;
            }
            case '<' -> {
                if (next == '=' && third == '>') {
                    length = 3;
                    yield TokenType.NULL_SAFE_EQ;
                }
                if (next == '=' || next == '>') {
                    length = 2;
                    yield next == '=' ? TokenType.LTE : TokenType.NOT_EQ;
                }
                yield TokenType.LT;
            }
            case '>' -> {
                if (next == '=') {
                    length = 2;
                    yield TokenType.GTE;
                }
                yield TokenType.GT;
            }
            default -> TokenType.UNKNOWN;
        };
        offset += length;
        return type;
    }

    /**
     * A string in single or double quotes. Escapes follow Spark: {@code \n \t \r \b \0 \Z \\ \' \"},
     * {@code \}uXXXX, {@code \}UXXXXXXXX, three octal digits; {@code \%} and {@code \_} keep their
     * backslash for LIKE patterns; any other escaped character stands for itself. Raw strings
     * ({@code r'...'}) keep every backslash. A doubled quote stands for one ({@code 'it''s'}), as in Spark 4.
     */
    private String scanString(boolean raw, int start, int startLine, int startColumn) {
        char quote = sql.charAt(offset++);
        StringBuilder value = new StringBuilder();
        while (offset < sql.length()) {
            char c = sql.charAt(offset);
            if (c == quote && offset + 1 < sql.length() && sql.charAt(offset + 1) == quote) {
                value.append(quote);
                offset += 2;
                continue;
            }
            if (c == quote) {
                offset++;
                return value.toString();
            }
            if (c == '\\' && offset + 1 < sql.length()) {
                if (raw) {
                    value.append(c).append(sql.charAt(offset + 1));
                    offset += 2;
                } else {
                    unescape(value);
                }
                continue;
            }
            if (c == '\n') {
                newLine(offset + 1);
            }
            value.append(c);
            offset++;
        }
        throw unclosed(start, startLine, startColumn, ": unclosed string literal");
    }

    /** Appends the meaning of the escape sequence at {@code offset} (a backslash) and moves past it. */
    private void unescape(StringBuilder value) {
        char escaped = sql.charAt(offset + 1);
        if ((escaped == 'u' && hexDigitsAt(offset + 2, 4)) || (escaped == 'U' && hexDigitsAt(offset + 2, 8))) {
            int digits = escaped == 'u' ? 4 : 8;
            value.appendCodePoint(Integer.parseInt(sql.substring(offset + 2, offset + 2 + digits), 16));
            offset += 2 + digits;
            return;
        }
        if (octalEscapeAt(offset + 1)) {
            value.append((char) Integer.parseInt(sql.substring(offset + 1, offset + 4), 8));
            offset += 4;
            return;
        }
        switch (escaped) {
            case '0' -> value.append('\0');
            case 'b' -> value.append('\b');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'Z' -> value.append('\u001A');
            case '%', '_' -> value.append('\\').append(escaped);
            default -> {
                if (escaped == '\n') {
                    newLine(offset + 2);
                }
                value.append(escaped);
            }
        }
        offset += 2;
    }

    private boolean hexDigitsAt(int at, int count) {
        if (at + count > sql.length()) {
            return false;
        }
        for (int i = at; i < at + count; i++) {
            if (Character.digit(sql.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private boolean octalEscapeAt(int at) {
        return at + 3 <= sql.length() && sql.charAt(at) >= '0' && sql.charAt(at) <= '3'
                && sql.charAt(at + 1) >= '0' && sql.charAt(at + 1) <= '7'
                && sql.charAt(at + 2) >= '0' && sql.charAt(at + 2) <= '7';
    }

    private String scanQuotedIdentifier(int start, int startLine, int startColumn) {
        offset++;
        StringBuilder name = new StringBuilder();
        while (offset < sql.length()) {
            char c = sql.charAt(offset);
            if (c == '`') {
                if (offset + 1 < sql.length() && sql.charAt(offset + 1) == '`') {
                    name.append('`');
                    offset += 2;
                    continue;
                }
                offset++;
                return name.toString();
            }
            if (c == '\n') {
                newLine(offset + 1);
            }
            name.append(c);
            offset++;
        }
        throw unclosed(start, startLine, startColumn, ": unclosed quoted identifier");
    }

    private void skipWhitespaceAndComments() {
        while (offset < sql.length()) {
            char c = sql.charAt(offset);
            if (c == '\n') {
                offset++;
                newLine(offset);
            } else if (Character.isWhitespace(c)) {
                offset++;
            } else if (c == '-' && offset + 1 < sql.length() && sql.charAt(offset + 1) == '-') {
                while (offset < sql.length() && sql.charAt(offset) != '\n') {
                    offset++;
                }
            } else if (c == '/' && offset + 1 < sql.length() && sql.charAt(offset + 1) == '*') {
                skipBracketedComment();
            } else {
                return;
            }
        }
    }

    private void skipBracketedComment() {
        int start = offset;
        int startLine = line;
        int startColumn = offset - lineStart + 1;
        int depth = 0;
        while (offset < sql.length()) {
            if (sql.startsWith("/*", offset)) {
                depth++;
                offset += 2;
            } else if (sql.startsWith("*/", offset)) {
                depth--;
                offset += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                if (sql.charAt(offset) == '\n') {
                    newLine(offset + 1);
                }
                offset++;
            }
        }
        throw unclosed(start, startLine, startColumn, ": unclosed comment");
    }

    private void newLine(int nextLineStart) {
        line++;
        lineStart = nextLineStart;
    }

    private EmberException unclosed(int start, int startLine, int startColumn, String hint) {
        return EmberException.of(ErrorClass.PARSE_SYNTAX_ERROR, "token", "'" + sql.substring(start) + "'", "hint", hint)
                .at(new QueryPosition(startLine, startColumn, sql));
    }

    private void add(TokenType type, String text, int start, int end, int tokenLine, int tokenColumn) {
        tokens.add(new Token(type, text, start, end, tokenLine, tokenColumn));
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
