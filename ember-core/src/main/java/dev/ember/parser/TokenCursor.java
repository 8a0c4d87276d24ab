package dev.ember.parser;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.error.QueryPosition;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsers' shared read position in a token list, with the look-ahead, matching and error helpers
 * they all use. Errors point at the offending token as Spark's do:
 * {@code [PARSE_SYNTAX_ERROR] Syntax error at or near 'FROM'. SQLSTATE: 42601 (line 1, pos 7)}.
 */
final class TokenCursor {
    private final String sql;
    private final List<Token> tokens;
    private int index;

    TokenCursor(String sql) {
        this.sql = sql;
        this.tokens = Lexer.tokenize(sql);
    }

    String sql() {
        return sql;
    }

    Token peek() {
        return tokens.get(index);
    }

    /** The token {@code ahead} places after the current one (the end-of-input token when past it). */
    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token previous() {
        return tokens.get(index - 1);
    }

    Token next() {
        Token token = tokens.get(index);
        if (!token.is(TokenType.END_OF_INPUT)) {
            index++;
        }
        return token;
    }

    /** The current index, to come back to with {@link #reset} when a guess about what follows was wrong. */
    int mark() {
        return index;
    }

    void reset(int mark) {
        index = mark;
    }

    boolean atEnd() {
        return peek().is(TokenType.END_OF_INPUT);
    }

    /** Whether the statement ends here: end of input or a {@code ;}. */
    boolean atStatementEnd() {
        return atEnd() || peek().is(TokenType.SEMICOLON);
    }

    boolean check(TokenType type) {
        return peek().is(type);
    }

    boolean checkWord(String keyword) {
        return peek().isWord(keyword);
    }

    boolean checkWord(int ahead, String keyword) {
        return peek(ahead).isWord(keyword);
    }

    /** Consumes the current token if it has this type. */
    boolean match(TokenType type) {
        if (check(type)) {
            next();
            return true;
        }
        return false;
    }

    /** Consumes the current token if it is this keyword. */
    boolean matchWord(String keyword) {
        if (checkWord(keyword)) {
            next();
            return true;
        }
        return false;
    }

    /** Consumes the current token if it is one of these keywords; returns the keyword as given, or {@code null}. */
    String matchAnyWord(String... keywords) {
        for (String keyword : keywords) {
            if (matchWord(keyword)) {
                return keyword;
            }
        }
        return null;
    }

    Token expect(TokenType type) {
        if (!check(type)) {
            throw syntaxError(peek(), ": missing '" + type.symbol() + "'");
        }
        return next();
    }

    Token expectWord(String keyword) {
        if (!checkWord(keyword)) {
            throw syntaxError(peek(), ": missing '" + keyword + "'");
        }
        return next();
    }

    /** An identifier: an unquoted word or a back-quoted name. */
    String identifier() {
        if (!peek().isIdentifier()) {
            throw syntaxError(peek(), peek().is(TokenType.END_OF_INPUT) ? ": missing identifier" : "");
        }
        return next().text();
    }

    /** {@code a.b.`c d`}: one or more identifiers separated by dots. */
    List<String> multipartIdentifier() {
        List<String> parts = new ArrayList<>();
        parts.add(identifier());
        while (check(TokenType.DOT) && peek(1).isIdentifier()) {
            next();
            parts.add(identifier());
        }
        return parts;
    }

    /** The text of the query between two tokens, both included, as the user wrote it. */
    String rawText(Token first, Token last) {
        return sql.substring(first.start(), Math.max(first.start(), last.end()));
    }

    QueryPosition position(Token token) {
        return new QueryPosition(token.line(), token.column(), sql);
    }

    /** {@code 'FROM'} for a token, {@code end of input} at the end, as Spark names them in messages. */
    String describe(Token token) {
        if (token.is(TokenType.END_OF_INPUT)) {
            return "end of input";
        }
        return "'" + sql.substring(token.start(), token.end()) + "'";
    }

    EmberException syntaxError(Token token, String hint) {
        return EmberException.of(ErrorClass.PARSE_SYNTAX_ERROR, "token", describe(token), "hint", hint)
                .at(position(token));
    }

    /** The error for something the current token starts that Ember does not support yet. */
    EmberException unsupported(Token token, String feature) {
        return EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", feature).at(position(token));
    }

    /** Fails unless the statement or expression ends here. */
    void expectEnd() {
        if (!atEnd()) {
            throw syntaxError(peek(), ": extra input " + describe(peek()));
        }
    }
}
