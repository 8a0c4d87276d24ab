package dev.ember.io.csv;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.fs.FileEntry;
import dev.ember.fs.InputFile;
import dev.ember.source.FileSplit;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spark's CSV schema inference. Column names come from the first file's header line, or are
 * {@code _c0, _c1, ...}; the number of columns is that of the first record. With
 * {@code inferSchema}, every record of every file refines each column's type along
 * int → bigint → decimal(p,0) → double → date → timestamp → boolean → string, starting from the
 * type the column already has; null and empty values leave the type as it is, and a column of
 * nothing but nulls is a string column. Without {@code inferSchema} every column is a string.
 */
final class CsvSchemaInference {
    private final CsvOptions options;

    CsvSchemaInference(CsvOptions options) {
        this.options = options;
    }

    StructType infer(List<InputFile> files) throws IOException {
        List<String> names = null;
        DataType[] types = null;
        for (InputFile file : files) {
            try (CsvRecordSource source = CsvRecordSource.open(file, FileSplit.whole(new FileEntry(file.location(), file.length())), options)) {
                CsvRecordCollector record = source.next();
                if (names == null) {
                    if (source.header() != null) {
                        names = safeNames(source.header());
                    } else if (record != null) {
                        names = defaultNames(record.fieldCount());
                    } else {
                        continue;
                    }
                    types = new DataType[names.size()];
                    Arrays.fill(types, AtomicType.NULL);
                }
                if (!options.inferSchema) {
                    break;
                }
                for (; record != null; record = source.next()) {
                    for (int i = 0; i < Math.min(types.length, record.fieldCount()); i++) {
                        if (!record.textEquals(i, "") && !record.textEquals(i, options.nullValue)) {
                            types[i] = inferField(types[i], record.text(i));
                        }
                    }
                }
            }
        }
        if (names == null) {
            return new StructType(List.of());
        }
        List<StructField> fields = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            DataType type = types[i] == AtomicType.NULL ? AtomicType.STRING : types[i];
            fields.add(new StructField(names.get(i), type, true));
        }
        return new StructType(fields);
    }

    /** The type a column needs after one more non-null value, given the type it needed so far. */
    DataType inferField(DataType soFar, String text) {
        DataType candidate;
        if (soFar == AtomicType.NULL || soFar == AtomicType.INT) {
            candidate = tryInt(text);
        } else if (soFar == AtomicType.LONG) {
            candidate = tryLong(text);
        } else if (soFar instanceof DecimalType) {
            candidate = tryDecimal(text);
        } else if (soFar == AtomicType.DOUBLE) {
            candidate = tryDouble(text);
        } else if (soFar == AtomicType.DATE) {
            candidate = tryDate(text);
        } else if (soFar == AtomicType.TIMESTAMP) {
            candidate = tryTimestamp(text);
        } else if (soFar == AtomicType.BOOLEAN) {
            candidate = tryBoolean(text);
        } else {
            candidate = AtomicType.STRING;
        }
        DataType common = commonType(soFar, candidate);
        return common == null ? AtomicType.STRING : common;
    }

    private DataType tryInt(String text) {
        try {
            Integer.parseInt(text);
            return AtomicType.INT;
        } catch (NumberFormatException e) {
            return tryLong(text);
        }
    }

    private DataType tryLong(String text) {
        try {
            Long.parseLong(text);
            return AtomicType.LONG;
        } catch (NumberFormatException e) {
            return tryDecimal(text);
        }
    }

    /** Only whole numbers too long for a bigint become decimals; {@code 1.5} is a double, as in Spark. */
    private DataType tryDecimal(String text) {
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.scale() == 0 && value.precision() <= DecimalType.MAX_PRECISION) {
                return new DecimalType(value.precision(), 0);
            }
        } catch (NumberFormatException e) {
            // not a number: try the next type
        }
        return tryDouble(text);
    }

    private DataType tryDouble(String text) {
        if (text.equals(options.nanValue) || text.equals(options.positiveInf) || text.equals(options.negativeInf)) {
            return AtomicType.DOUBLE;
        }
        try {
            Double.parseDouble(text);
            return AtomicType.DOUBLE;
        } catch (NumberFormatException e) {
            return options.preferDate ? tryDate(text) : tryTimestamp(text);
        }
    }

    private DataType tryDate(String text) {
        return options.dateTime.isDate(text) ? AtomicType.DATE : tryTimestamp(text);
    }

    private DataType tryTimestamp(String text) {
        return options.dateTime.isTimestamp(text) ? AtomicType.TIMESTAMP : tryBoolean(text);
    }

    private static DataType tryBoolean(String text) {
        return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? AtomicType.BOOLEAN : AtomicType.STRING;
    }

    /** The narrowest type holding values of both, or null when there is none (the column is then a string). */
    static DataType commonType(DataType a, DataType b) {
        if (a.equals(b)) {
            return a;
        }
        if (a == AtomicType.NULL) {
            return b;
        }
        if (b == AtomicType.NULL) {
            return a;
        }
        if (a == AtomicType.STRING || b == AtomicType.STRING) {
            return AtomicType.STRING;
        }
        if ((a == AtomicType.DATE && b == AtomicType.TIMESTAMP) || (a == AtomicType.TIMESTAMP && b == AtomicType.DATE)) {
            return AtomicType.TIMESTAMP;
        }
        int rankA = numericRank(a);
        int rankB = numericRank(b);
        if (rankA >= 0 && rankB >= 0) {
            return rankA > rankB ? a : b;
        }
        if (a instanceof DecimalType || b instanceof DecimalType) {
            if (a == AtomicType.DOUBLE || b == AtomicType.DOUBLE) {
                return AtomicType.DOUBLE;
            }
            DecimalType left = a instanceof DecimalType decimal ? decimal : a.isIntegral() ? DecimalType.forIntegral(a) : null;
            DecimalType right = b instanceof DecimalType decimal ? decimal : b.isIntegral() ? DecimalType.forIntegral(b) : null;
            if (left == null || right == null) {
                return null;
            }
            int scale = Math.max(left.scale(), right.scale());
            int integralDigits = Math.max(left.precision() - left.scale(), right.precision() - right.scale());
            return integralDigits + scale > DecimalType.MAX_PRECISION ? AtomicType.DOUBLE : new DecimalType(integralDigits + scale, scale);
        }
        return null;
    }

    /** int < bigint < double; -1 for the other types. */
    private static int numericRank(DataType type) {
        if (type == AtomicType.INT) {
            return 0;
        }
        if (type == AtomicType.LONG) {
            return 1;
        }
        return type == AtomicType.DOUBLE ? 2 : -1;
    }

    /** Header names as Spark makes them safe: blank names become {@code _c<i>}, repeated ones get their index appended. */
    static List<String> safeNames(List<String> header) {
        Map<String, Integer> counts = new HashMap<>();
        for (String name : header) {
            if (name != null && !name.isEmpty()) {
                counts.merge(name.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        List<String> names = new ArrayList<>(header.size());
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name == null || name.isEmpty()) {
                names.add("_c" + i);
            } else if (counts.get(name.toLowerCase(Locale.ROOT)) > 1) {
                names.add(name + i);
            } else {
                names.add(name);
            }
        }
        return names;
    }

    private static List<String> defaultNames(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add("_c" + i);
        }
        return names;
    }
}
