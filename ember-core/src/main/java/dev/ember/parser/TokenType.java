package dev.ember.parser;

/**
 * The kinds of token the {@link Lexer} produces. Keywords are not token types: Spark's keywords are
 * mostly non-reserved, so every unquoted word is a {@link #WORD} and the parser decides from context
 * whether it is a keyword or an identifier.
 */
enum TokenType {
    /** An unquoted identifier or keyword; the text is as written. */
    WORD,
    /** A back-quoted identifier; the text is the name with the quotes removed and {@code ``} unescaped. */
    QUOTED_IDENTIFIER,
    /** A string literal; the text is the value, escapes already applied. */
    STRING,
    /** A numeric literal, the text as written including any suffix ({@code 1L}, {@code 1.5BD}, {@code 1e3}). */
    NUMBER,
    LEFT_PAREN("("), RIGHT_PAREN(")"), LEFT_BRACKET("["), RIGHT_BRACKET("]"),
    COMMA(","), DOT("."), SEMICOLON(";"), COLON(":"), DOUBLE_COLON("::"), ARROW("->"), FAT_ARROW("=>"),
    STAR("*"), PLUS("+"), MINUS("-"), SLASH("/"), PERCENT("%"), CONCAT("||"),
    PIPE("|"), AMPERSAND("&"), CARET("^"), TILDE("~"), BANG("!"),
    EQ("="), DOUBLE_EQ("=="), NOT_EQ("<>"), BANG_EQ("!="), NULL_SAFE_EQ("<=>"),
    LT("<"), LTE("<="), GT(">"), GTE(">="),
    /** A character no token starts with; the parser reports it as a syntax error where it stands. */
    UNKNOWN,
    END_OF_INPUT;

    private final String symbol;

    TokenType() {
        this(null);
    }

    TokenType(String symbol) {
        this.symbol = symbol;
    }

    /** The fixed text of a punctuation token, or {@code null} for the kinds whose text varies. */
    String symbol() {
        return symbol;
    }
}
