package dev.ember.conformance.programs;

import dev.ember.parser.SqlParser;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The rows the CSV writer programs write, built alike on both engines (every type Spark writes to
 * CSV, values that need quoting, nulls, NaN and infinities), and the text of written files.
 */
final class CsvFixtures {
    static final String SCHEMA = "i INT, l BIGINT, sh SMALLINT, by TINYINT, d DOUBLE, f FLOAT, m DECIMAL(5,2), s STRING, b BOOLEAN, "
            + "day DATE, ts TIMESTAMP";

    /** Strings that need quoting or escaping, or that writers trim or spell specially. */
    static final List<String> STRINGS = List.of("plain", "comma,inside", "q\"uote", "back\\slash", "back\\\"quote", "end\\",
            "line\nbreak", "cr\rlf\r\n", "  padded  ", "\ttab\t", "", "#hash", "'single'", "semi;colon", "é ünï", "\\");

    private CsvFixtures() {
    }

    private static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {1, 2L, (short) 3, (byte) 4, 1.5, 2.25f, new BigDecimal("12.30"), "plain", true, LocalDate.of(2024, 2, 29),
                Instant.parse("2024-02-29T12:34:56.789Z")});
        rows.add(new Object[] {-2, Long.MIN_VALUE, (short) -3, (byte) -4, Double.NaN, Float.NaN, new BigDecimal("-0.05"), "", false,
                LocalDate.of(1969, 12, 31), Instant.parse("1969-12-31T23:59:59Z")});
        rows.add(new Object[] {3, 0L, (short) 0, (byte) 0, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, new BigDecimal("999.99"), null,
                null, null, Instant.parse("2000-01-01T00:00:00.000001Z")});
        rows.add(new Object[] {4, 1L, (short) 1, (byte) 1, Double.NEGATIVE_INFINITY, -0.0f, new BigDecimal("0.00"), "x", true,
                LocalDate.of(1, 1, 1), Instant.parse("2024-07-01T00:00:00Z")});
        rows.add(new Object[] {5, 1L, (short) 1, (byte) 1, -0.0, 1.0e-7f, new BigDecimal("1.00"), "y", true, LocalDate.of(9999, 12, 31), null});
        rows.add(new Object[] {6, 1L, (short) 1, (byte) 1, 1.0e-7, 3.4e38f, null, "z", false, null, null});
        rows.add(new Object[] {7, 1L, (short) 1, (byte) 1, 1.0e20, 100.0f, null, "w", false, null, null});
        rows.add(new Object[] {null, null, null, null, null, null, null, null, null, null, null});
        int id = 100;
        for (String s : STRINGS) {
            Object[] row = new Object[11];
            row[0] = id++;
            row[7] = s;
            rows.add(row);
        }
        return rows;
    }

    static Dataset<Row> values(SparkSession spark) {
        return spark.createDataFrame(rows().stream().map(RowFactory::create).toList(), StructType.fromDDL(SCHEMA)).coalesce(1);
    }

    static DataFrame values(EmberSession ember) {
        return ember.createDataFrame(rows().stream().map(dev.ember.sql.Row::of).toList(), SqlParser.parseTableSchema(SCHEMA)).coalesce(1);
    }

    /** A new temporary directory for one program's output. */
    static Path newDirectory() {
        try {
            return Files.createTempDirectory("ember-csv-conformance");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The written data files of a directory, one row each: the name of the variant that wrote them,
     * the file's extensions (what follows the first dot) and its bytes, gunzipped when compressed,
     * as ISO-8859-1 text so that every byte shows.
     */
    static List<List<Object>> fileTexts(String variant, Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<List<Object>> rows = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("_") || name.startsWith(".")) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                if (name.endsWith(".gz")) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                        bytes = in.readAllBytes();
                    }
                }
                rows.add(Arrays.asList(variant, name.substring(name.indexOf('.')), new String(bytes, StandardCharsets.ISO_8859_1)));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String FILE_TEXT_SCHEMA = "variant STRING, extension STRING, text STRING";

    static Dataset<Row> fileTexts(SparkSession spark, List<List<Object>> rows) {
        return spark.createDataFrame(rows.stream().map(row -> RowFactory.create(row.toArray())).toList(), StructType.fromDDL(FILE_TEXT_SCHEMA));
    }

    static DataFrame fileTexts(EmberSession ember, List<List<Object>> rows) {
        return ember.createDataFrame(rows.stream().map(row -> dev.ember.sql.Row.of(row.toArray())).toList(),
                SqlParser.parseTableSchema(FILE_TEXT_SCHEMA));
    }

    /**
     * The rows read back from one variant's files, with the variant's name last. (Rows are
     * gathered rather than the reads unioned: a chain of 19 unions is very slow to analyze in Ember.)
     */
    static List<List<Object>> withVariant(String variant, Dataset<Row> read) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : read.collectAsList()) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                values.add(row.get(i));
            }
            values.add(variant);
            rows.add(values);
        }
        return rows;
    }

    static List<List<Object>> withVariant(String variant, DataFrame read) {
        List<List<Object>> rows = new ArrayList<>();
        for (dev.ember.sql.Row row : read.collectAsList()) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                values.add(row.get(i));
            }
            values.add(variant);
            rows.add(values);
        }
        return rows;
    }

    static Dataset<Row> readBack(SparkSession spark, List<List<Object>> rows) {
        return spark.createDataFrame(rows.stream().map(row -> RowFactory.create(row.toArray())).toList(),
                StructType.fromDDL(SCHEMA + ", variant STRING"));
    }

    static DataFrame readBack(EmberSession ember, List<List<Object>> rows) {
        return ember.createDataFrame(rows.stream().map(row -> dev.ember.sql.Row.of(row.toArray())).toList(),
                SqlParser.parseTableSchema(SCHEMA + ", variant STRING"));
    }

    /** The writer option sets the text programs try, by name. */
    static Map<String, Map<String, String>> writeVariants() {
        Map<String, Map<String, String>> variants = new java.util.LinkedHashMap<>();
        variants.put("default", Map.of());
        variants.put("header", Map.of("header", "true"));
        variants.put("sep", Map.of("sep", ";", "header", "true"));
        variants.put("tab", Map.of("sep", "\t"));
        variants.put("quote", Map.of("quote", "'"));
        variants.put("escape", Map.of("escape", "'"));
        variants.put("quoteIsEscape", Map.of("escape", "\""));
        variants.put("quoteAll", Map.of("quoteAll", "true"));
        variants.put("noEscapeQuotes", Map.of("escapeQuotes", "false"));
        variants.put("nulls", Map.of("nullValue", "NULL", "emptyValue", "EMPTY"));
        variants.put("nullOnly", Map.of("nullValue", "\\N"));
        variants.put("emptyOnly", Map.of("emptyValue", ""));
        variants.put("dateFormats", Map.of("dateFormat", "dd/MM/yyyy", "timestampFormat", "yyyy-MM-dd HH:mm:ss.SSSSSS"));
        variants.put("timeZone", Map.of("timeZone", "UTC"));
        variants.put("timeZoneFormat", Map.of("timeZone", "America/New_York", "timestampFormat", "yyyy-MM-dd'T'HH:mm:ssXXX"));
        variants.put("lineSepCrLf", Map.of("lineSep", "\r\n"));
        variants.put("keepWhitespace", Map.of("ignoreLeadingWhiteSpace", "false", "ignoreTrailingWhiteSpace", "false"));
        variants.put("keepLeading", Map.of("ignoreLeadingWhiteSpace", "false"));
        return variants;
    }
}
