package dev.ember.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class QuoteNormalizingReaderTest {
    @Test
    void rewritesEscapedQuotesAsDoubledQuotes() throws IOException {
        assertThat(normalize("\"a\\\"b\",c\n")).isEqualTo("\"a\"\"b\",c\n");
        assertThat(normalize("\"a\\\\\",c")).isEqualTo("\"a\\\",c");
        assertThat(normalize("\"a\\nb\"")).isEqualTo("\"a\\nb\"");
    }

    @Test
    void leavesUnquotedFieldsAndRfcQuotingAlone() throws IOException {
        assertThat(normalize("a\\\"b,x\"y\n\"p\"\"q\",\"\"\r\n")).isEqualTo("a\\\"b,x\"y\n\"p\"\"q\",\"\"\r\n");
    }

    @Test
    void keepsStrayQuotesInsideQuotedFieldsAsLiterals() throws IOException {
        assertThat(normalize("\"a\"b\",c")).isEqualTo("\"a\"\"b\",c");
    }

    @Test
    void dropsWhitespaceBetweenClosingQuoteAndFieldEnd() throws IOException {
        assertThat(normalize("\"a\"  ,b\n\"c\" \t\n\"d\"  ")).isEqualTo("\"a\",b\n\"c\"\n\"d\"");
        assertThat(normalize("\"a\"  x,b")).isEqualTo("\"a\"\"  x,b");
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

    private static String normalize(String text, String... options) throws IOException {
        try (Reader reader = new QuoteNormalizingReader(new StringReader(text), CsvOptions.forRead(CsvTestFiles.options(options)))) {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[7];
            for (int read = reader.read(buffer, 0, buffer.length); read >= 0; read = reader.read(buffer, 0, buffer.length)) {
                out.append(buffer, 0, read);
            }
            return out.toString();
        }
    }
}
