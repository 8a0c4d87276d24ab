package dev.ember.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuoteNormalizingReaderTest {
    @Test
    void rewritesEscapedQuotesAsDoubledQuotes() throws IOException {
        assertThat(normalize("\"a\\\"b\",c\n")).isEqualTo("\"a\"\"b\",c\n");
        assertThat(normalize("\"a\\\\\",c")).isEqualTo("\"a\\\",c");
        assertThat(normalize("\"a\\nb\"")).isEqualTo("\"a\\nb\"");
    }

    @Test
    void charToEscapeQuoteEscapingMakesTheNextEscapeLiteral() throws IOException {
        // "d#\",3 -> d\ then 3; "c\\",2 -> the first backslash is literal, the second escapes the quote.
        assertThat(normalize("\"d#\\\",3\n", "charToEscapeQuoteEscaping", "#")).isEqualTo("\"d\\\",3\n");
        assertThat(normalize("\"c\\\\\",2\n", "charToEscapeQuoteEscaping", "#")).isEqualTo("\"c\\\"\",2\"\n");
        // With the quote as its own escape: a backslash makes a quote inside the field literal, not one that ends it.
        assertThat(normalize("\"a\\\"b\",1\n\"c\\\\\",2\n", "escape", "\"", "charToEscapeQuoteEscaping", "\\"))
                .isEqualTo("\"a\"\"b\",1\n\"c\\\\\",2\n");
    }

    @Test
    void leavesUnquotedFieldsAndRfcQuotingAlone() throws IOException {
        assertThat(normalize("a\\\"b,x\"y\n\"p\"\"q\",\"\"\r\n", "escape", "\"")).isEqualTo("a\\\"b,x\"y\n\"p\"\"q\",\"\"\r\n");
    }

    @Test
    void takesAQuotedFieldWithAStrayQuoteRawUpToTheFieldEnd() throws IOException {
        // Spark: "a\"b"c reads as "a"b"c (escapes before the stray quote resolved), "x\"y as "x\"y.
        assertThat(normalize("\"a\\\"b\"c,d\n\"x\"y\\\"z\r\n")).isEqualTo("\"\"\"a\"\"b\"\"c\",d\n\"\"\"x\"\"y\\\"\"z\"\r\n");
        // a doubled quote is a literal only up to a field end: "say ""hi""" reads raw, "a"" as a"
        assertThat(normalize("\"say \"\"hi\"\"\"\n\"a\"\"")).isEqualTo("\"\"\"say \"\"\"\"hi\"\"\"\"\"\"\"\n\"a\"\"\"");
        // with the quote as escape a pair is a literal, and a quote before anything else is stray
        assertThat(normalize("\"x\"\"y\",\"b\\\"s\"", "escape", "\"")).isEqualTo("\"x\"\"y\",\"\"\"b\\\"\"s\"\"\"");
        // a raw field ends at a line end even with multiLine, and at the end of the input
        assertThat(normalize("\"a\"b\nc\"", "multiLine", "true")).isEqualTo("\"\"\"a\"\"b\"\nc\"");
        assertThat(normalize("\"a\"b")).isEqualTo("\"\"\"a\"\"b\"");
        // with multiLine the first line end of the input is the line separator: after \n, a CR is text
        assertThat(normalize("x\n\"a\"b\r\nc\"", "multiLine", "true")).isEqualTo("x\n\"\"\"a\"\"b\r\"\nc\"");
        assertThat(normalize("x\r\n\"a\"b\r\nc\"", "multiLine", "true")).isEqualTo("x\r\n\"\"\"a\"\"b\"\r\nc\"");
    }

    @Test
    void dropsWhitespaceBetweenClosingQuoteAndFieldEnd() throws IOException {
        assertThat(normalize("\"a\"  ,b\n\"c\" \t\n\"d\"  ")).isEqualTo("\"a\",b\n\"c\"\n\"d\"");
        assertThat(normalize("\"a\"  x,b")).isEqualTo("\"\"\"a\"\"  x\",b");
    }

    @Test
    void commentLinesPassThrough() throws IOException {
        assertThat(normalize("#\"x\\\"\n\"a\\\"\"", "comment", "#")).isEqualTo("#\"x\\\"\n\"a\"\"\"");
    }

    @Test
    void worksAcrossBufferBoundaries() throws IOException {
        String field = "\"" + "x\\\"".repeat(20_000) + "\"";
        String expected = "\"" + "x\"\"".repeat(20_000) + "\"";
        assertThat(normalize(field + "||" + field, "sep", "||")).isEqualTo(expected + "||" + expected);
    }

    @Test
    void keepsALongQuotedFieldWholeUntilItIsDecided() throws IOException {
        String prefix = "x".repeat(50_000);
        assertThat(normalize("\"" + prefix + "\"y,z")).isEqualTo("\"\"\"" + prefix + "\"\"y\",z");
    }

    @Test
    void fastPathAgreesWithTheStepByStepPath() throws IOException {
        Random random = new Random(42);
        String[] pieces = {"a", "b", ",", "||", "|", "\"", "\\", "\n", "\r", "\r\n", " ", "\t", "#", "'"};
        String[][] optionSets = {{}, {"sep", "||"}, {"comment", "#"}, {"ignoreLeadingWhiteSpace", "true"},
            {"escape", "\""}, {"quote", "'", "escape", "'"}, {"quote", ""}, {"charToEscapeQuoteEscaping", "#"},
            {"escape", "\"", "charToEscapeQuoteEscaping", "\\"}};
        for (int run = 0; run < 2_000; run++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            for (String[] options : optionSets) {
                CsvOptions csv = CsvOptions.forRead(CsvTestFiles.options(options));
                String expected = drain(new QuoteNormalizingReader(new StringReader(text.toString()), csv, false));
                assertThat(drain(new QuoteNormalizingReader(new StringReader(text.toString()), csv, true)))
                        .as("%s with %s", text, String.join("=", options))
                        .isEqualTo(expected);
                assertThat(drain(new QuoteNormalizingReader(new OneCharAtATime(text.toString()), csv, true)))
                        .as("%s with %s, one char at a time", text, String.join("=", options))
                        .isEqualTo(expected);
            }
        }
    }

    private static String normalize(String text, String... options) throws IOException {
        return drain(new QuoteNormalizingReader(new StringReader(text), CsvOptions.forRead(CsvTestFiles.options(options))));
    }

    private static String drain(Reader normalizing) throws IOException {
        try (Reader reader = normalizing) {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[7];
            for (int read = reader.read(buffer, 0, buffer.length); read >= 0; read = reader.read(buffer, 0, buffer.length)) {
                out.append(buffer, 0, read);
            }
            return out.toString();
        }
    }

    /** A reader that hands out one character per call, so that every lookahead crosses a buffer refill. */
    private static final class OneCharAtATime extends Reader {
        private final String text;
        private int position;

        OneCharAtATime(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] target, int offset, int length) {
            if (position == text.length()) {
                return -1;
            }
            target[offset] = text.charAt(position++);
            return 1;
        }

        @Override
        public void close() {
        }
    }
}
