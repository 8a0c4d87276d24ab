package dev.ember.sql;

import dev.ember.expr.Literal;
import dev.ember.expr.UnresolvedAttribute;
import dev.ember.expr.UnresolvedFunction;
import dev.ember.parser.SqlParser;
import java.util.Arrays;
import java.util.List;

/** The functions of the DataFrame API, named as Spark's {@code org.apache.spark.sql.functions}. */
public final class functions {
    private functions() {
    }

    /**
     * A column by name, as Spark reads names: {@code "t.a"} is column a of t, back-quotes quote
     * parts with dots, anything else is taken literally ({@code col("(a + 1)")}); {@code "*"} and
     * {@code "t.*"} are stars.
     */
    public static Column col(String name) {
        if (name.equals("*")) {
            return new Column(new dev.ember.expr.UnresolvedStar(List.of()));
        }
        if (name.endsWith(".*")) {
            return new Column(new dev.ember.expr.UnresolvedStar(Column.nameParts(name.substring(0, name.length() - 2))));
        }
        return new Column(new UnresolvedAttribute(Column.nameParts(name), null));
    }

    public static Column column(String name) {
        return col(name);
    }

    public static Column lit(Object value) {
        return new Column(Literal.of(value));
    }

    /** A column from SQL expression text: {@code expr("a + 1")}. */
    public static Column expr(String sql) {
        return new Column(SqlParser.parseExpression(sql));
    }

    static Column call(String name, Column... arguments) {
        return new Column(new UnresolvedFunction(name, Arrays.stream(arguments).map(Column::expr).toList(), false, null));
    }

    private static Column callDistinct(String name, Column... arguments) {
        return new Column(new UnresolvedFunction(name, Arrays.stream(arguments).map(Column::expr).toList(), true, null));
    }

    public static Column not(Column column) {
        return Column.not(column);
    }

    public static Column count(Column column) {
        return call("count", column);
    }

    public static Column count(String column) {
        return column.equals("*") ? call("count", lit(1)) : count(col(column));
    }

    public static Column countDistinct(Column column, Column... more) {
        Column[] all = new Column[more.length + 1];
        all[0] = column;
        System.arraycopy(more, 0, all, 1, more.length);
        return callDistinct("count", all);
    }

    public static Column sum(Column column) {
        return call("sum", column);
    }

    public static Column sum(String column) {
        return sum(col(column));
    }

    public static Column avg(Column column) {
        return call("avg", column);
    }

    public static Column avg(String column) {
        return avg(col(column));
    }

    public static Column mean(String column) {
        return call("mean", col(column));
    }

    public static Column min(Column column) {
        return call("min", column);
    }

    public static Column min(String column) {
        return min(col(column));
    }

    public static Column max(Column column) {
        return call("max", column);
    }

    public static Column max(String column) {
        return max(col(column));
    }

    public static Column upper(Column column) {
        return call("upper", column);
    }

    public static Column lower(Column column) {
        return call("lower", column);
    }

    public static Column trim(Column column) {
        return call("trim", column);
    }

    public static Column length(Column column) {
        return call("length", column);
    }

    public static Column concat(Column... columns) {
        return call("concat", columns);
    }

    public static Column concat_ws(String separator, Column... columns) {
        Column[] all = new Column[columns.length + 1];
        all[0] = lit(separator);
        System.arraycopy(columns, 0, all, 1, columns.length);
        return call("concat_ws", all);
    }

    public static Column substring(Column column, int position, int length) {
        return call("substring", column, lit(position), lit(length));
    }

    public static Column split(Column column, String regex) {
        return call("split", column, lit(regex));
    }

    public static Column explode(Column column) {
        return call("explode", column);
    }

    public static Column posexplode(Column column) {
        return call("posexplode", column);
    }

    /** explode that keeps a row, with NULL for the element, when the array or map is NULL or empty. */
    public static Column explode_outer(Column column) {
        return call("explode_outer", column);
    }

    public static Column posexplode_outer(Column column) {
        return call("posexplode_outer", column);
    }

    public static Column array(Column... columns) {
        return call("array", columns);
    }

    public static Column array(String column, String... more) {
        return array(columns(column, more));
    }

    /** The part of the string before the count-th delimiter (after the count-th from the end when count is negative). */
    public static Column substring_index(Column column, String delimiter, int count) {
        return call("substring_index", column, lit(delimiter), lit(count));
    }

    public static Column coalesce(Column... columns) {
        return call("coalesce", columns);
    }

    public static Column asc(String column) {
        return col(column).asc();
    }

    public static Column desc(String column) {
        return col(column).desc();
    }

    // ---- conditional functions ----

    public static Column nullif(Column left, Column right) {
        return call("nullif", left, right);
    }

    public static Column nvl(Column value, Column fallback) {
        return call("nvl", value, fallback);
    }

    public static Column ifnull(Column value, Column fallback) {
        return call("ifnull", value, fallback);
    }

    public static Column nvl2(Column value, Column whenNotNull, Column whenNull) {
        return call("nvl2", value, whenNotNull, whenNull);
    }

    public static Column greatest(Column... columns) {
        return call("greatest", columns);
    }

    public static Column greatest(String column, String... more) {
        return greatest(columns(column, more));
    }

    public static Column least(Column... columns) {
        return call("least", columns);
    }

    public static Column least(String column, String... more) {
        return least(columns(column, more));
    }

    private static Column[] columns(String first, String... more) {
        Column[] all = new Column[more.length + 1];
        all[0] = col(first);
        for (int i = 0; i < more.length; i++) {
            all[i + 1] = col(more[i]);
        }
        return all;
    }

    // ---- math functions ----

    public static Column abs(Column column) {
        return call("abs", column);
    }

    public static Column negative(Column column) {
        return call("negative", column);
    }

    public static Column positive(Column column) {
        return call("positive", column);
    }

    public static Column round(Column column) {
        return call("round", column);
    }

    public static Column round(Column column, int scale) {
        return call("round", column, lit(scale));
    }

    public static Column bround(Column column) {
        return call("bround", column);
    }

    public static Column bround(Column column, int scale) {
        return call("bround", column, lit(scale));
    }

    public static Column floor(Column column) {
        return call("floor", column);
    }

    public static Column floor(String column) {
        return floor(col(column));
    }

    public static Column floor(Column column, Column scale) {
        return call("floor", column, scale);
    }

    public static Column ceil(Column column) {
        return call("ceil", column);
    }

    public static Column ceil(String column) {
        return ceil(col(column));
    }

    public static Column ceil(Column column, Column scale) {
        return call("ceil", column, scale);
    }

    public static Column ceiling(Column column) {
        return call("ceiling", column);
    }

    public static Column sqrt(Column column) {
        return call("sqrt", column);
    }

    public static Column sqrt(String column) {
        return sqrt(col(column));
    }

    public static Column cbrt(Column column) {
        return call("cbrt", column);
    }

    public static Column exp(Column column) {
        return call("exp", column);
    }

    public static Column ln(Column column) {
        return call("ln", column);
    }

    public static Column log(Column column) {
        return call("log", column);
    }

    public static Column log(String column) {
        return log(col(column));
    }

    public static Column log(double base, Column column) {
        return call("log", lit(base), column);
    }

    public static Column log10(Column column) {
        return call("log10", column);
    }

    public static Column log2(Column column) {
        return call("log2", column);
    }

    public static Column pow(Column base, Column exponent) {
        return call("pow", base, exponent);
    }

    public static Column pow(Column base, double exponent) {
        return pow(base, lit(exponent));
    }

    public static Column pow(String base, String exponent) {
        return pow(col(base), col(exponent));
    }

    public static Column power(Column base, Column exponent) {
        return call("power", base, exponent);
    }

    public static Column signum(Column column) {
        return call("signum", column);
    }

    public static Column sign(Column column) {
        return call("sign", column);
    }

    public static Column pmod(Column dividend, Column divisor) {
        return call("pmod", dividend, divisor);
    }

    public static Column degrees(Column column) {
        return call("degrees", column);
    }

    public static Column radians(Column column) {
        return call("radians", column);
    }

    public static Column pi() {
        return call("pi");
    }

    public static Column e() {
        return call("e");
    }

    // ---- string functions ----

    public static Column lpad(Column column, int length, String pad) {
        return call("lpad", column, lit(length), lit(pad));
    }

    public static Column rpad(Column column, int length, String pad) {
        return call("rpad", column, lit(length), lit(pad));
    }

    public static Column repeat(Column column, int times) {
        return call("repeat", column, lit(times));
    }

    public static Column regexp_replace(Column column, String pattern, String replacement) {
        return call("regexp_replace", column, lit(pattern), lit(replacement));
    }

    public static Column regexp_replace(Column column, Column pattern, Column replacement) {
        return call("regexp_replace", column, pattern, replacement);
    }

    public static Column regexp_extract(Column column, String pattern, int group) {
        return call("regexp_extract", column, lit(pattern), lit(group));
    }

    public static Column regexp_extract_all(Column column, Column pattern) {
        return call("regexp_extract_all", column, pattern);
    }

    public static Column regexp_extract_all(Column column, Column pattern, Column group) {
        return call("regexp_extract_all", column, pattern, group);
    }

    public static Column regexp_like(Column column, Column pattern) {
        return call("regexp_like", column, pattern);
    }

    public static Column rlike(Column column, Column pattern) {
        return call("rlike", column, pattern);
    }

    public static Column replace(Column column, Column search) {
        return call("replace", column, search);
    }

    public static Column replace(Column column, Column search, Column replacement) {
        return call("replace", column, search, replacement);
    }

    public static Column translate(Column column, String matching, String replacement) {
        return call("translate", column, lit(matching), lit(replacement));
    }

    public static Column instr(Column column, String substring) {
        return call("instr", column, lit(substring));
    }

    public static Column locate(String substring, Column column) {
        return call("locate", lit(substring), column);
    }

    public static Column locate(String substring, Column column, int position) {
        return call("locate", lit(substring), column, lit(position));
    }

    public static Column position(Column substring, Column column) {
        return call("position", substring, column);
    }

    /** {@code trim(e, chars)} in the API; the SQL function takes the characters first. */
    public static Column trim(Column column, String characters) {
        return call("trim", lit(characters), column);
    }

    public static Column ltrim(Column column) {
        return call("ltrim", column);
    }

    public static Column ltrim(Column column, String characters) {
        return call("ltrim", lit(characters), column);
    }

    public static Column rtrim(Column column) {
        return call("rtrim", column);
    }

    public static Column rtrim(Column column, String characters) {
        return call("rtrim", lit(characters), column);
    }

    public static Column btrim(Column column) {
        return call("btrim", column);
    }

    public static Column btrim(Column column, Column characters) {
        return call("btrim", column, characters);
    }

    public static Column initcap(Column column) {
        return call("initcap", column);
    }

    public static Column reverse(Column column) {
        return call("reverse", column);
    }

    public static Column ascii(Column column) {
        return call("ascii", column);
    }

    /** {@code char(n)}: Java does not allow the name, so this is Spark's {@code chr}. */
    public static Column chr(Column column) {
        return call("chr", column);
    }

    public static Column left(Column column, Column length) {
        return call("left", column, length);
    }

    public static Column right(Column column, Column length) {
        return call("right", column, length);
    }

    public static Column startswith(Column column, Column prefix) {
        return call("startswith", column, prefix);
    }

    public static Column endswith(Column column, Column suffix) {
        return call("endswith", column, suffix);
    }

    public static Column contains(Column column, Column part) {
        return call("contains", column, part);
    }

    public static Column octet_length(Column column) {
        return call("octet_length", column);
    }

    public static Column bit_length(Column column) {
        return call("bit_length", column);
    }

    // ---- added with the DataFrame API completion: conditions, sort shortcuts, dispersion

    /** {@code CASE WHEN condition THEN value}; more branches with {@link Column#when}, the rest with {@link Column#otherwise}. */
    public static Column when(Column condition, Object value) {
        return new Column(new dev.ember.expr.CaseWhen(List.of(condition.expr()), List.of(Column.toExpression(value)), null));
    }

    public static Column asc_nulls_first(String column) {
        return col(column).asc_nulls_first();
    }

    public static Column asc_nulls_last(String column) {
        return col(column).asc_nulls_last();
    }

    public static Column desc_nulls_first(String column) {
        return col(column).desc_nulls_first();
    }

    public static Column desc_nulls_last(String column) {
        return col(column).desc_nulls_last();
    }

    /** The sample standard deviation, as {@code stddev}. */
    public static Column stddev(Column column) {
        return call("stddev", column);
    }

    public static Column stddev(String column) {
        return stddev(col(column));
    }

    public static Column stddev_samp(Column column) {
        return call("stddev_samp", column);
    }

    public static Column stddev_pop(Column column) {
        return call("stddev_pop", column);
    }

    public static Column variance(Column column) {
        return call("variance", column);
    }

    public static Column var_samp(Column column) {
        return call("var_samp", column);
    }

    public static Column var_pop(Column column) {
        return call("var_pop", column);
    }

    // ---- window functions: use with Column.over(Window...)

    public static Column row_number() {
        return call("row_number");
    }

    public static Column rank() {
        return call("rank");
    }

    public static Column dense_rank() {
        return call("dense_rank");
    }

    public static Column percent_rank() {
        return call("percent_rank");
    }

    public static Column cume_dist() {
        return call("cume_dist");
    }

    public static Column ntile(int buckets) {
        return call("ntile", lit(buckets));
    }

    public static Column lag(Column column, int offset) {
        return call("lag", column, lit(offset));
    }

    public static Column lag(String column, int offset) {
        return lag(col(column), offset);
    }

    public static Column lag(Column column, int offset, Object defaultValue) {
        return call("lag", column, lit(offset), lit(defaultValue));
    }

    public static Column lead(Column column, int offset) {
        return call("lead", column, lit(offset));
    }

    public static Column lead(String column, int offset) {
        return lead(col(column), offset);
    }

    public static Column lead(Column column, int offset, Object defaultValue) {
        return call("lead", column, lit(offset), lit(defaultValue));
    }

    // ---- timestamps, in the session time zone (ember.sql.session.timeZone)

    public static Column hour(Column timestamp) {
        return call("hour", timestamp);
    }

    public static Column minute(Column timestamp) {
        return call("minute", timestamp);
    }

    public static Column second(Column timestamp) {
        return call("second", timestamp);
    }

    /** The string cast to a timestamp, as {@code CAST(s AS TIMESTAMP)}. */
    public static Column to_timestamp(Column text) {
        return call("to_timestamp", text);
    }

    /** The string parsed with a datetime pattern such as {@code dd/MM/yyyy HH:mm}. */
    public static Column to_timestamp(Column text, String pattern) {
        return call("to_timestamp", text, lit(pattern));
    }

    /** Seconds since the epoch now. */
    public static Column unix_timestamp() {
        return call("unix_timestamp");
    }

    /** Seconds since the epoch of a timestamp, a date or a string in {@code yyyy-MM-dd HH:mm:ss}. */
    public static Column unix_timestamp(Column value) {
        return call("unix_timestamp", value);
    }

    public static Column unix_timestamp(Column text, String pattern) {
        return call("unix_timestamp", text, lit(pattern));
    }

    /** Seconds since the epoch as {@code yyyy-MM-dd HH:mm:ss} text. */
    public static Column from_unixtime(Column seconds) {
        return call("from_unixtime", seconds);
    }

    public static Column from_unixtime(Column seconds, String pattern) {
        return call("from_unixtime", seconds, lit(pattern));
    }

    /** The timestamp truncated to a unit: {@code year}, {@code month}, {@code day}, {@code hour}, ... */
    public static Column date_trunc(String unit, Column timestamp) {
        return call("date_trunc", lit(unit), timestamp);
    }

    /** The date truncated to {@code year}, {@code quarter}, {@code month} or {@code week}. */
    public static Column trunc(Column date, String unit) {
        return call("trunc", date, lit(unit));
    }

    public static Column current_timestamp() {
        return call("current_timestamp");
    }

    public static Column make_date(Column year, Column month, Column day) {
        return call("make_date", year, month, day);
    }

    public static Column make_timestamp(Column year, Column month, Column day, Column hour, Column minute, Column second) {
        return call("make_timestamp", year, month, day, hour, minute, second);
    }

    // ---- dates

    public static Column current_date() {
        return call("current_date");
    }

    public static Column to_date(Column value) {
        return call("to_date", value);
    }

    public static Column to_date(Column text, String pattern) {
        return call("to_date", text, lit(pattern));
    }

    public static Column date_add(Column start, int days) {
        return date_add(start, lit(days));
    }

    public static Column date_add(Column start, Column days) {
        return call("date_add", start, days);
    }

    public static Column date_sub(Column start, int days) {
        return date_sub(start, lit(days));
    }

    public static Column date_sub(Column start, Column days) {
        return call("date_sub", start, days);
    }

    public static Column datediff(Column end, Column start) {
        return call("datediff", end, start);
    }

    public static Column add_months(Column start, int months) {
        return add_months(start, lit(months));
    }

    public static Column add_months(Column start, Column months) {
        return call("add_months", start, months);
    }

    public static Column months_between(Column end, Column start) {
        return call("months_between", end, start);
    }

    public static Column months_between(Column end, Column start, boolean roundOff) {
        return call("months_between", end, start, lit(roundOff));
    }

    public static Column last_day(Column date) {
        return call("last_day", date);
    }

    public static Column date_format(Column value, String pattern) {
        return call("date_format", value, lit(pattern));
    }

    public static Column year(Column date) {
        return call("year", date);
    }

    public static Column quarter(Column date) {
        return call("quarter", date);
    }

    public static Column month(Column date) {
        return call("month", date);
    }

    public static Column dayofmonth(Column date) {
        return call("dayofmonth", date);
    }

    public static Column dayofweek(Column date) {
        return call("dayofweek", date);
    }

    public static Column dayofyear(Column date) {
        return call("dayofyear", date);
    }

    public static Column weekofyear(Column date) {
        return call("weekofyear", date);
    }

    // ---- more aggregates, grouping functions and array helpers

    public static Column first(Column column) {
        return call("first", column);
    }

    public static Column first(String column) {
        return first(col(column));
    }

    public static Column first(Column column, boolean ignoreNulls) {
        return call("first", column, lit(ignoreNulls));
    }

    public static Column first(String column, boolean ignoreNulls) {
        return first(col(column), ignoreNulls);
    }

    public static Column last(Column column) {
        return call("last", column);
    }

    public static Column last(String column) {
        return last(col(column));
    }

    public static Column last(Column column, boolean ignoreNulls) {
        return call("last", column, lit(ignoreNulls));
    }

    public static Column last(String column, boolean ignoreNulls) {
        return last(col(column), ignoreNulls);
    }

    public static Column first_value(Column column) {
        return call("first_value", column);
    }

    public static Column first_value(Column column, Column ignoreNulls) {
        return call("first_value", column, ignoreNulls);
    }

    public static Column last_value(Column column) {
        return call("last_value", column);
    }

    public static Column last_value(Column column, Column ignoreNulls) {
        return call("last_value", column, ignoreNulls);
    }

    public static Column any_value(Column column) {
        return call("any_value", column);
    }

    public static Column any_value(Column column, Column ignoreNulls) {
        return call("any_value", column, ignoreNulls);
    }

    public static Column collect_list(Column column) {
        return call("collect_list", column);
    }

    public static Column collect_list(String column) {
        return collect_list(col(column));
    }

    public static Column array_agg(Column column) {
        return call("array_agg", column);
    }

    public static Column collect_set(Column column) {
        return call("collect_set", column);
    }

    public static Column collect_set(String column) {
        return collect_set(col(column));
    }

    public static Column approx_count_distinct(Column column) {
        return call("approx_count_distinct", column);
    }

    public static Column approx_count_distinct(String column) {
        return approx_count_distinct(col(column));
    }

    public static Column approx_count_distinct(Column column, double relativeSd) {
        return call("approx_count_distinct", column, lit(relativeSd));
    }

    public static Column approx_count_distinct(String column, double relativeSd) {
        return approx_count_distinct(col(column), relativeSd);
    }

    public static Column count_if(Column condition) {
        return call("count_if", condition);
    }

    public static Column bool_and(Column condition) {
        return call("bool_and", condition);
    }

    public static Column every(Column condition) {
        return call("every", condition);
    }

    public static Column bool_or(Column condition) {
        return call("bool_or", condition);
    }

    public static Column some(Column condition) {
        return call("some", condition);
    }

    public static Column any(Column condition) {
        return call("any", condition);
    }

    public static Column max_by(Column value, Column ordering) {
        return call("max_by", value, ordering);
    }

    public static Column min_by(Column value, Column ordering) {
        return call("min_by", value, ordering);
    }

    /** 1 on rows where the rollup/cube left the column out (its NULL is a subtotal's), else 0. */
    public static Column grouping(Column column) {
        return call("grouping", column);
    }

    public static Column grouping(String column) {
        return grouping(col(column));
    }

    /** The bits of {@link #grouping} of all grouping columns, the first one highest. */
    public static Column grouping_id() {
        return call("grouping_id");
    }

    public static Column sort_array(Column array) {
        return call("sort_array", array);
    }

    public static Column sort_array(Column array, boolean ascending) {
        return call("sort_array", array, lit(ascending));
    }

    public static Column array_contains(Column array, Object value) {
        return call("array_contains", array, lit(value));
    }

    public static Column struct(Column... columns) {
        return call("struct", columns);
    }

    public static Column struct(String... columns) {
        return struct(Arrays.stream(columns).map(functions::col).toArray(Column[]::new));
    }

    public static Column named_struct(Column... namesAndValues) {
        return call("named_struct", namesAndValues);
    }

    public static Column map(Column... keysAndValues) {
        return call("map", keysAndValues);
    }

    public static Column map_from_arrays(Column keys, Column values) {
        return call("map_from_arrays", keys, values);
    }

    public static Column map_keys(Column map) {
        return call("map_keys", map);
    }

    public static Column map_values(Column map) {
        return call("map_values", map);
    }

    public static Column map_entries(Column map) {
        return call("map_entries", map);
    }

    public static Column map_contains_key(Column map, Object key) {
        return call("map_contains_key", map, key instanceof Column column ? column : lit(key));
    }

    public static Column element_at(Column container, Object key) {
        return call("element_at", container, key instanceof Column column ? column : lit(key));
    }

    public static Column cardinality(Column container) {
        return call("cardinality", container);
    }

    public static Column size(Column array) {
        return call("size", array);
    }

    public static Column array_distinct(Column array) {
        return call("array_distinct", array);
    }

    public static Column array_max(Column array) {
        return call("array_max", array);
    }

    public static Column array_min(Column array) {
        return call("array_min", array);
    }
}
