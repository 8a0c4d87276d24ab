package dev.ember.io.csv;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates (epoch days) and timestamps (epoch microseconds) to and from CSV (and JSON) text, following the
 * {@code dateFormat}, {@code timestampFormat} and {@code timeZone} options.
 *
 * <p>Without {@code dateFormat}, dates are {@code yyyy-MM-dd}; reads then also accept Spark's
 * lenient forms ({@code 2024-1-5}, {@code 2024-01}, a date followed by a time). Without
 * {@code timestampFormat}, reads accept ISO-like timestamps with a {@code T} or a space, optional
 * seconds and fraction, and an optional offset; a timestamp without offset is in the time zone.
 * Parse failures throw {@link DateTimeException}.
 */
public final class DateTimeCodec {
    private static final DateTimeFormatter LENIENT_TIMESTAMP = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendPattern("[' ']['T']")
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalEnd()
            .appendPattern("[XXX][XX][X]")
            .optionalStart().appendPattern("[' ']VV").optionalEnd()
            .toFormatter(Locale.US)
            .withResolverStyle(ResolverStyle.STRICT);
    /** Spark's default for writing timestamps. */
    private static final String WRITE_TIMESTAMP_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
    private static final Pattern LENIENT_DATE = Pattern.compile("([+-]?\\d{4,6})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?(?:[T ].*)?");

    private final DateTimeFormatter dateFormat;
    private final DateTimeFormatter timestampFormat;
    private final DateTimeFormatter timestampWriteFormat;
    private final ZoneId zone;

    public DateTimeCodec(String datePattern, String timestampPattern, ZoneId zone) {
        this.zone = zone;
        this.dateFormat = datePattern == null ? null : pattern("dateFormat", datePattern);
        this.timestampFormat = timestampPattern == null ? null : pattern("timestampFormat", timestampPattern);
        this.timestampWriteFormat = (timestampFormat == null ? DateTimeFormatter.ofPattern(WRITE_TIMESTAMP_PATTERN, Locale.US) : timestampFormat)
                .withZone(zone);
    }

    /** The date in {@code text} as epoch days, by {@code dateFormat} or leniently when none was given. */
    public int parseDate(String text) {
        if (dateFormat != null) {
            return Math.toIntExact(LocalDate.parse(text, dateFormat).toEpochDay());
        }
        LocalDate strict = parseIsoDate(text);
        return Math.toIntExact((strict != null ? strict : parseLenientDate(text)).toEpochDay());
    }

    /** {@link #parseDate(String)} of {@code chars[from .. from + length)}, without a string for the common {@code yyyy-MM-dd}. */
    public int parseDate(char[] chars, int from, int length) {
        if (dateFormat == null && length == 10 && chars[from + 4] == '-' && chars[from + 7] == '-') {
            int year = digits(chars, from, from + 4);
            int month = digits(chars, from + 5, from + 7);
            int day = digits(chars, from + 8, from + 10);
            if ((year | month | day) >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= monthLength(year, month)) {
                return epochDay(year, month, day);
            }
        }
        return parseDate(new String(chars, from, length));
    }

    /** Whether {@code text} is a date in the date format itself, without the lenient fallback (what schema inference asks). */
    public boolean isDate(String text) {
        try {
            return dateFormat != null ? LocalDate.parse(text, dateFormat) != null : parseIsoDate(text) != null;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The timestamp in {@code text} as microseconds since the epoch. */
    public long parseTimestamp(String text) {
        TemporalAccessor parsed;
        if (timestampFormat != null) {
            parsed = timestampFormat.parse(text);
        } else {
            if (text.length() < 10 || text.charAt(4) != '-' || !Character.isDigit(text.charAt(0))) {
                throw new DateTimeException("not a timestamp: " + text);
            }
            parsed = LENIENT_TIMESTAMP.parse(text);
        }
        LocalDate date = parsed.query(TemporalQueries.localDate());
        LocalTime time = parsed.query(TemporalQueries.localTime());
        ZoneId parsedZone = parsed.query(TemporalQueries.zone());
        Instant instant = (date == null ? LocalDate.EPOCH : date)
                .atTime(time == null ? LocalTime.MIDNIGHT : time)
                .atZone(parsedZone == null ? zone : parsedZone)
                .toInstant();
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    public boolean isTimestamp(String text) {
        try {
            parseTimestamp(text);
            return true;
        } catch (DateTimeException | ArithmeticException e) {
            return false;
        }
    }

    public String formatDate(int epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        return dateFormat == null ? date.toString() : dateFormat.format(date);
    }

    public String formatTimestamp(long micros) {
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
        return timestampWriteFormat.format(instant);
    }

    /** {@code yyyy-MM-dd} exactly, or null. */
    private static LocalDate parseIsoDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDate parseLenientDate(String text) {
        Matcher matcher = LENIENT_DATE.matcher(text);
        if (!matcher.matches()) {
            throw new DateTimeException("not a date: " + text);
        }
        int year = Integer.parseInt(matcher.group(1));
        int month = matcher.group(2) == null ? 1 : Integer.parseInt(matcher.group(2));
        int day = matcher.group(3) == null ? 1 : Integer.parseInt(matcher.group(3));
        return LocalDate.of(year, month, day);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static final int[] DAYS_BEFORE_MONTH = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};
    /** Days from 0000-01-01 to 1970-01-01 in the proleptic Gregorian calendar. */
    private static final int DAYS_0000_TO_1970 = 719_528;

    private static boolean isLeap(int year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int monthLength(int year, int month) {
        return DAYS_BEFORE_MONTH[month] - DAYS_BEFORE_MONTH[month - 1] + (month == 2 && isLeap(year) ? 1 : 0);
    }

    /** The epoch day of a valid date of a year from 0 to 9999: what {@code LocalDate.toEpochDay} gives, without the object. */
    private static int epochDay(int year, int month, int day) {
        int leapDaysBefore = (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400; // leap years in [0, year)
        int dayOfYear = DAYS_BEFORE_MONTH[month - 1] + (month > 2 && isLeap(year) ? 1 : 0) + day - 1;
        return 365 * year + leapDaysBefore + dayOfYear - DAYS_0000_TO_1970;
    }

    private static int digits(char[] chars, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static DateTimeFormatter pattern(String option, String pattern) {
        try {
            return DateTimeFormatter.ofPattern(pattern, Locale.US);
        } catch (IllegalArgumentException e) {
            throw CsvOptions.invalid(option, "bad pattern '" + pattern + "': " + e.getMessage());
        }
    }
}
