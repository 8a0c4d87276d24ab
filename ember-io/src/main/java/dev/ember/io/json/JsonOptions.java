package dev.ember.io.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.io.csv.DateTimeCodec;
import dev.ember.io.csv.ParseMode;
import dev.ember.io.text.Compression;
import dev.ember.io.text.LineSeparator;
import dev.ember.source.Options;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/** The JSON options of one read or write, with Spark's names and defaults. */
final class JsonOptions {
    /** Spark's default for {@code spark.sql.columnNameOfCorruptRecord}. */
    static final String DEFAULT_CORRUPT_COLUMN = "_corrupt_record";

    final boolean multiLine;
    final boolean primitivesAsString;
    final boolean prefersDecimal;
    final boolean inferTimestamp;
    final boolean dropFieldIfAllNull;
    final double samplingRatio;
    final ParseMode mode;
    final String corruptColumn;
    final Charset charset;
    final LineSeparator lineSeparator;
    final String writeLineSeparator;
    final boolean ignoreNullFields;
    final Compression compression;
    final DateTimeCodec dateTime;
    /** Comments, raw control characters and escaped ones can hide a line end inside what Jackson reads as one token. */
    final boolean allowComments;
    final boolean allowUnquotedControlChars;
    final boolean allowBackslashEscapingAnyCharacter;
    final JsonFactory factory;

    private JsonOptions(Options options, boolean forWrite) {
        multiLine = options.getBoolean("multiLine", false);
        primitivesAsString = options.getBoolean("primitivesAsString", false);
        prefersDecimal = options.getBoolean("prefersDecimal", false);
        inferTimestamp = options.getBoolean("inferTimestamp", false);
        dropFieldIfAllNull = options.getBoolean("dropFieldIfAllNull", false);
        samplingRatio = samplingRatio(options.get("samplingRatio", "1.0"));
        mode = ParseMode.fromOption(options.get("mode", "PERMISSIVE"));
        corruptColumn = options.get("columnNameOfCorruptRecord", DEFAULT_CORRUPT_COLUMN);
        charset = charset(options.get("encoding", options.get("charset", "UTF-8")));
        lineSeparator = LineSeparator.fromOptions(options, charset);
        writeLineSeparator = options.get("lineSep", "\n");
        ignoreNullFields = options.getBoolean("ignoreNullFields", true);
        compression = forWrite ? Compression.forWrite(options) : Compression.NONE;
        dateTime = new DateTimeCodec(options.get("dateFormat", null), options.get("timestampFormat", null), options.getZone("timeZone"));
        allowComments = options.getBoolean("allowComments", false);
        allowUnquotedControlChars = options.getBoolean("allowUnquotedControlChars", false);
        allowBackslashEscapingAnyCharacter = options.getBoolean("allowBackslashEscapingAnyCharacter", false);
        factory = JsonFactory.builder()
                .configure(JsonReadFeature.ALLOW_JAVA_COMMENTS, allowComments)
                .configure(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, options.getBoolean("allowUnquotedFieldNames", false))
                .configure(JsonReadFeature.ALLOW_SINGLE_QUOTES, options.getBoolean("allowSingleQuotes", true))
                .configure(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS, options.getBoolean("allowNumericLeadingZeros", false))
                .configure(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, options.getBoolean("allowNonNumericNumbers", true))
                .configure(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER, allowBackslashEscapingAnyCharacter)
                .configure(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, allowUnquotedControlChars)
                .build();
        if (!forWrite && !multiLine && !isUtf8() && !options.contains("lineSep")) {
            throw invalid("lineSep", "the lineSep option must be specified for the " + charset.name() + " encoding");
        }
    }

    static JsonOptions forRead(Options options) {
        return new JsonOptions(options, false);
    }

    static JsonOptions forWrite(Options options) {
        return new JsonOptions(options, true);
    }

    boolean isUtf8() {
        return charset.equals(StandardCharsets.UTF_8);
    }

    private static double samplingRatio(String text) {
        double ratio;
        try {
            ratio = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw invalid("samplingRatio", "expected a number but got '" + text + "'");
        }
        if (!(ratio > 0 && ratio <= 1)) {
            throw invalid("samplingRatio", "must be in (0, 1] but got " + text);
        }
        return ratio;
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw invalid("encoding", "unknown charset '" + name + "'");
        }
    }

    static EmberException invalid(String option, String detail) {
        return EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`" + option + "`",
                "function", "the JSON options", "detail", detail);
    }
}
