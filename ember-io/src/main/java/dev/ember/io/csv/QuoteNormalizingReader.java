package dev.ember.io.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Rewrites Spark's CSV dialect into the RFC 4180 one that FastCSV reads. Inside a quoted field:
 * <ul>
 *   <li>an escaped quote ({@code escape} then {@code quote}, by default {@code \"}) becomes a doubled
 *       quote, and an escaped escape ({@code charToEscapeQuoteEscaping} then {@code escape}, by
 *       default {@code \\}) becomes one escape character; when the escape is the quote itself,
 *       {@code charToEscapeQuoteEscaping} then a quote that does not end the field is a literal quote;</li>
 *   <li>a quote followed by a quote is a literal quote (when {@code escape} is the quote, the pair
 *       is one literal quote, as in RFC 4180); spaces and tabs between a closing quote and the end of
 *       the field are dropped;</li>
 *   <li>any other quote is a stray one, and the field is taken raw from its opening quote up to the
 *       next separator or line end (Spark's default {@code unescapedQuoteHandling},
 *       STOP_AT_DELIMITER): the opening quote, what was read of the field so far (escapes
 *       resolved), the stray quote and the rest as it is. So that the opening quote can still be
 *       added, a quoted field stays in the output buffer until it is decided.</li>
 * </ul>
 * Without {@code multiLine}, a quoted field still open at a line end is closed there, as Spark
 * parses each line on its own. Quotes only open a field at its start; everything outside quoted fields, and comment lines, pass
 * through unchanged. A leading byte-order mark is dropped. Line breaks are never added or removed,
 * so FastCSV's line numbers stay those of the input.
 */
final class QuoteNormalizingReader extends Reader {
    private static final char NO_ESCAPE_ESCAPE = '\0';
    private enum State { LINE_START, FIELD_START, UNQUOTED, QUOTED, RAW, COMMENT }

    private final Reader in;
    private final char[] separator;
    private final char quote;
    private final char escape;
    /** {@code charToEscapeQuoteEscaping}: the character that makes the next escape (or quote) literal; 0 for none. */
    private final char escapeEscape;
    private final int comment;
    private final boolean skipsWhitespaceBeforeQuotes;
    /** Without {@code multiLine} Spark parses each line alone, so a quote still open at a line end ends there. */
    private final boolean closesQuotesAtLineEnd;
    /**
     * With {@code multiLine} and no {@code lineSep}, Spark's parser takes the first line end of the
     * input as the line separator; when that is {@code \n}, a carriage return does not end a raw field.
     */
    private final boolean detectsLineEnd;
    private boolean carriageReturnEndsRawField = true;
    private final boolean fastPath;

    private char[] input = new char[16 * 1024];
    private int inputPosition;
    private int inputLimit;
    private boolean inputEnded;
    private char[] output = new char[16 * 1024];
    private int outputPosition;
    private int outputLimit;
    /** Where the open quoted field's opening quote is in the output. */
    private int quotedFieldStart;
    private State state = State.LINE_START;
    private boolean started;

    QuoteNormalizingReader(Reader in, CsvOptions options) {
        this(in, options, true);
    }

    /** {@code fastPath} false leaves everything to the one-step-at-a-time path, which tests compare against. */
    QuoteNormalizingReader(Reader in, CsvOptions options, boolean fastPath) {
        this.fastPath = fastPath;
        this.in = in;
        this.separator = options.separator.toCharArray();
        this.quote = options.quote;
        this.escape = options.escape;
        this.escapeEscape = options.charToEscapeQuoteEscaping;
        this.comment = options.comment;
        this.skipsWhitespaceBeforeQuotes = options.ignoreLeadingWhiteSpace || options.ignoreTrailingWhiteSpace;
        this.closesQuotesAtLineEnd = !options.multiLine;
        this.detectsLineEnd = options.multiLine && options.lineSeparator == null;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (outputPosition == outputLimit && !refill()) {
            return -1;
        }
        int count = Math.min(length, outputLimit - outputPosition);
        System.arraycopy(output, outputPosition, target, offset, count);
        outputPosition += count;
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Translates input into the output buffer; false at the end of the input. */
    private boolean refill() throws IOException {
        outputPosition = 0;
        outputLimit = 0;
        if (!started) {
            started = true;
            if (available(1) && input[inputPosition] == '\uFEFF') {
                inputPosition++;
            }
            if (detectsLineEnd) {
                carriageReturnEndsRawField = firstBufferedLineEnd() != '\n';
            }
        }
        int margin = separator.length + 4;
        while (available(1) && (outputLimit <= output.length - margin || state == State.QUOTED)) {
            if (outputLimit > output.length - margin) {
                output = Arrays.copyOf(output, output.length * 2);
            }
            int room = output.length - margin;
            if (fastPath) {
                translateCommonCases(room);
            }
            if (outputLimit <= room && available(1)) {
                step();
            }
        }
        if (state == State.RAW && outputLimit < output.length && !available(1)) {
            emit(quote);
            state = State.UNQUOTED;
        }
        return outputLimit > 0;
    }

    /**
     * The fast path: copies characters while they need no more lookahead than is buffered and are
     * not a rare case (escapes, stray quotes, comments, whitespace trimming, separators of several
     * characters); returns at the first one that is, for {@link #step()} to handle.
     */
    private void translateCommonCases(int room) {
        char[] in = input;
        char[] out = output;
        int i = inputPosition;
        int o = outputLimit;
        int end = inputLimit - 1;
        char sep = separator[0];
        boolean singleSeparator = separator.length == 1;
        State current = state;
        while (i < end && o <= room) {
            char c = in[i];
            if (current == State.UNQUOTED) {
                if (c == sep) {
                    if (!singleSeparator) {
                        break;
                    }
                    current = State.FIELD_START;
                } else if (c == '\n' || c == '\r') {
                    current = State.LINE_START;
                }
                out[o++] = c;
                i++;
            } else if (current == State.QUOTED) {
                if ((c == escape && escape != quote) || (c == escapeEscape && escapeEscape != NO_ESCAPE_ESCAPE)
                        || (closesQuotesAtLineEnd && (c == '\n' || c == '\r'))) {
                    break;
                }
                if (c == quote) {
                    char next = in[i + 1];
                    if (next == quote && escape == quote) {
                        out[o++] = c;
                        out[o++] = next;
                        i += 2;
                        continue;
                    }
                    if (!(next == '\n' || next == '\r' || (next == sep && singleSeparator))) {
                        break;
                    }
                    current = State.UNQUOTED;
                }
                out[o++] = c;
                i++;
            } else if (current == State.COMMENT || current == State.RAW || (current == State.LINE_START && c == comment)
                    || (skipsWhitespaceBeforeQuotes && (c == ' ' || c == '\t'))) {
                break;
            } else {
                if (c == quote && quote != CsvOptions.NO_QUOTE) {
                    current = State.QUOTED;
                    quotedFieldStart = o;
                } else if (c == '\n' || c == '\r') {
                    current = State.LINE_START;
                } else if (c == sep) {
                    if (!singleSeparator) {
                        break;
                    }
                    current = State.FIELD_START;
                } else {
                    current = State.UNQUOTED;
                }
                out[o++] = c;
                i++;
            }
        }
        inputPosition = i;
        outputLimit = o;
        state = current;
    }

    /** The general path: consumes a run of plain characters, or one character, escape sequence or separator. */
    private void step() throws IOException {
        if (copyPlainRun()) {
            return;
        }
        char c = input[inputPosition];
        switch (state) {
            case LINE_START, FIELD_START -> {
                if (state == State.LINE_START && c == comment) {
                    state = State.COMMENT;
                    copy(1);
                } else if (c == quote && quote != CsvOptions.NO_QUOTE) {
                    state = State.QUOTED;
                    quotedFieldStart = outputLimit;
                    copy(1);
                } else if (skipsWhitespaceBeforeQuotes && (c == ' ' || c == '\t')) {
                    state = State.FIELD_START;
                    copy(1);
                } else {
                    state = State.UNQUOTED;
                    unquoted(c);
                }
            }
            case UNQUOTED -> unquoted(c);
            case COMMENT -> {
                if (c == '\n' || c == '\r') {
                    state = State.LINE_START;
                }
                copy(1);
            }
            case QUOTED -> quoted(c);
            case RAW -> raw(c);
        }
    }

    /**
     * Copies the buffered characters from the current position that mean nothing in the current
     * state (all but separators and line ends outside quotes, all but quotes and escapes inside);
     * false when there are none.
     */
    private boolean copyPlainRun() {
        int end = inputPosition;
        int limit = Math.min(inputLimit, inputPosition + output.length - outputLimit);
        switch (state) {
            case UNQUOTED -> {
                while (end < limit && input[end] != '\n' && input[end] != '\r' && input[end] != separator[0]) {
                    end++;
                }
            }
            case QUOTED -> {
                while (end < limit && input[end] != quote && input[end] != escape && input[end] != escapeEscape
                        && !(closesQuotesAtLineEnd && (input[end] == '\n' || input[end] == '\r'))) {
                    end++;
                }
            }
            case RAW -> {
                while (end < limit && input[end] != '\n' && (input[end] != '\r' || !carriageReturnEndsRawField)
                        && input[end] != separator[0] && input[end] != quote) {
                    end++;
                }
            }
            case COMMENT -> {
                while (end < limit && input[end] != '\n' && input[end] != '\r') {
                    end++;
                }
            }
            default -> {
                return false;
            }
        }
        if (end == inputPosition) {
            return false;
        }
        copy(end - inputPosition);
        return true;
    }

    private void unquoted(char c) throws IOException {
        if (c == '\n' || c == '\r') {
            state = State.LINE_START;
            copy(1);
        } else if (c == separator[0] && separatorAt(0)) {
            state = State.FIELD_START;
            copy(separator.length);
        } else {
            copy(1);
        }
    }

    private void quoted(char c) throws IOException {
        int padding;
        boolean hasNext = available(2);
        char next = hasNext ? input[inputPosition + 1] : 0;
        if (closesQuotesAtLineEnd && (c == '\n' || c == '\r')) {
            emit(quote);
            state = State.LINE_START;
            copy(1);
        } else if (escape != quote && c == escapeEscape && escapeEscape != NO_ESCAPE_ESCAPE && hasNext && next == escape) {
            emit(escape);
            inputPosition += 2;
        } else if (c == escape && escape != quote && hasNext && next == quote) {
            emit(quote);
            emit(quote);
            inputPosition += 2;
        } else if (escape == quote && c == escapeEscape && escapeEscape != NO_ESCAPE_ESCAPE && hasNext && next == quote
                && available(3) && !endsField(input[inputPosition + 2])) {
            emit(quote);
            emit(quote);
            inputPosition += 2;
        } else if (c != quote) {
            copy(1);
        } else if (hasNext && next == quote && escape == quote) {
            copy(2);
        } else if (hasNext && next == quote) {
            emit(quote);
            copy(1);
        } else if ((padding = paddingBeforeFieldEnd()) >= 0) {
            state = State.UNQUOTED;
            copy(1);
            inputPosition += padding;
        } else {
            takeFieldRaw();
        }
    }

    /** Whether a character after a quote makes it the closing one: a separator or a line end. */
    private boolean endsField(char c) {
        return c == '\n' || c == '\r' || (c == separator[0] && separator.length == 1);
    }

    /** At a stray quote: the field so far gains its opening quote as a literal, and the rest is copied raw. */
    private void takeFieldRaw() {
        int afterOpening = quotedFieldStart + 1;
        System.arraycopy(output, afterOpening, output, afterOpening + 2, outputLimit - afterOpening);
        output[afterOpening] = quote;
        output[afterOpening + 1] = quote;
        outputLimit += 2;
        emit(quote);
        copy(1);
        state = State.RAW;
    }

    /** In a field taken raw: quotes are literals, and the field ends at the next separator or line end. */
    private void raw(char c) throws IOException {
        if (c == '\n' || (c == '\r' && carriageReturnEndsRawField)) {
            emit(quote);
            state = State.LINE_START;
            copy(1);
        } else if (c == separator[0] && separatorAt(0)) {
            emit(quote);
            state = State.FIELD_START;
            copy(separator.length);
        } else if (c == quote) {
            emit(quote);
            copy(1);
        } else {
            copy(1);
        }
    }

    /**
     * When the quote at the current position ends the field (only spaces or tabs lie between it
     * and a separator, a line end or the end of the input), the number of those spaces and tabs,
     * which are dropped; otherwise -1.
     */
    private int paddingBeforeFieldEnd() throws IOException {
        int ahead = 1;
        while (available(ahead + 1) && (input[inputPosition + ahead] == ' ' || input[inputPosition + ahead] == '\t')) {
            ahead++;
        }
        if (!available(ahead + 1)) {
            return ahead - 1;
        }
        char after = input[inputPosition + ahead];
        return after == '\n' || after == '\r' || separatorAt(ahead) ? ahead - 1 : -1;
    }

    /** The first line feed or carriage return in the buffered input, 0 when there is none. */
    private char firstBufferedLineEnd() {
        for (int i = inputPosition; i < inputLimit; i++) {
            if (input[i] == '\n' || input[i] == '\r') {
                return input[i];
            }
        }
        return 0;
    }

    private boolean separatorAt(int offset) throws IOException {
        if (!available(offset + separator.length)) {
            return false;
        }
        return Arrays.equals(input, inputPosition + offset, inputPosition + offset + separator.length, separator, 0, separator.length);
    }

    private void copy(int count) {
        if (count == 1) {
            output[outputLimit++] = input[inputPosition++];
            return;
        }
        System.arraycopy(input, inputPosition, output, outputLimit, count);
        outputLimit += count;
        inputPosition += count;
    }

    private void emit(char c) {
        output[outputLimit++] = c;
    }

    /** Whether {@code count} characters from the current position are buffered, reading more if needed. */
    private boolean available(int count) throws IOException {
        while (inputLimit - inputPosition < count) {
            if (inputEnded) {
                return false;
            }
            if (inputPosition > 0) {
                System.arraycopy(input, inputPosition, input, 0, inputLimit - inputPosition);
                inputLimit -= inputPosition;
                inputPosition = 0;
            }
            if (inputLimit == input.length) {
                input = Arrays.copyOf(input, input.length * 2);
            }
            int read = in.read(input, inputLimit, input.length - inputLimit);
            if (read < 0) {
                inputEnded = true;
            } else {
                inputLimit += read;
            }
        }
        return true;
    }
}
