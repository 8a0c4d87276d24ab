package dev.ember.analysis;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.And;
import dev.ember.expr.Arithmetic;
import dev.ember.expr.CaseWhen;
import dev.ember.expr.Cast;
import dev.ember.expr.Comparison;
import dev.ember.expr.Expression;
import dev.ember.expr.IsNull;
import dev.ember.expr.Like;
import dev.ember.expr.Literal;
import dev.ember.expr.TryEval;
import dev.ember.expr.UnaryMinus;
import dev.ember.expr.UnresolvedFunction;
import dev.ember.expr.aggregate.ApproxCountDistinct;
import dev.ember.expr.aggregate.Average;
import dev.ember.expr.aggregate.BoolAggregate;
import dev.ember.expr.aggregate.Collect;
import dev.ember.expr.aggregate.CountIf;
import dev.ember.expr.aggregate.ExtremumBy;
import dev.ember.expr.aggregate.FirstLast;
import dev.ember.expr.aggregate.GroupingFunction;
import dev.ember.expr.aggregate.Percentile;
import dev.ember.expr.aggregate.CentralMoment;
import dev.ember.expr.aggregate.Count;
import dev.ember.expr.aggregate.MinMax;
import dev.ember.expr.aggregate.Sum;
import dev.ember.expr.function.Abs;
import dev.ember.expr.function.AddMonths;
import dev.ember.expr.function.ArrayElements;
import dev.ember.expr.function.ArrayFunction;
import dev.ember.expr.function.ArrayRepeat;
import dev.ember.expr.function.BinaryMath;
import dev.ember.expr.function.CharCode;
import dev.ember.expr.function.Coalesce;
import dev.ember.expr.function.CurrentDate;
import dev.ember.expr.function.CurrentTimestamp;
import dev.ember.expr.function.DateTrunc;
import dev.ember.expr.function.FromUnixTime;
import dev.ember.expr.function.MakeDatetime;
import dev.ember.expr.function.MonthsBetween;
import dev.ember.expr.function.ParseTimestamp;
import dev.ember.expr.function.TimestampPart;
import dev.ember.expr.function.TruncDate;
import dev.ember.expr.function.DateAdd;
import dev.ember.expr.function.DateDiff;
import dev.ember.expr.function.DateFormat;
import dev.ember.expr.function.DatePart;
import dev.ember.expr.function.Concat;
import dev.ember.expr.function.CreateStruct;
import dev.ember.expr.function.MapFunction;
import dev.ember.expr.function.ElementAt;
import dev.ember.expr.function.Explode;
import dev.ember.expr.function.FloorCeil;
import dev.ember.expr.function.Greatest;
import dev.ember.expr.function.LastDay;
import dev.ember.expr.function.Length;
import dev.ember.expr.function.Locate;
import dev.ember.expr.function.Pad;
import dev.ember.expr.function.RegexpExtract;
import dev.ember.expr.function.RegexpReplace;
import dev.ember.expr.function.Repeat;
import dev.ember.expr.function.ReplacedCall;
import dev.ember.expr.function.Round;
import dev.ember.expr.function.Split;
import dev.ember.expr.function.StringPredicate;
import dev.ember.expr.function.StringReplace;
import dev.ember.expr.function.StringTransform;
import dev.ember.expr.function.Substring;
import dev.ember.expr.function.SubstringIndex;
import dev.ember.expr.function.ToDate;
import dev.ember.expr.function.TrimChars;
import dev.ember.expr.function.TypeOf;
import dev.ember.expr.function.UnaryMath;
import dev.ember.expr.window.Offset;
import dev.ember.expr.window.Ranking;
import dev.ember.sql.types.AtomicType;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The built-in functions by name, with the number of arguments each takes. */
public final class FunctionRegistry {
    @FunctionalInterface
    private interface Builder {
        Expression build(List<Expression> arguments, boolean distinct);
    }

    private record Entry(int minArguments, int maxArguments, Builder builder) {
    }

    private static final Map<String, Entry> FUNCTIONS = new TreeMap<>();

    static {
        register("count", 1, Integer.MAX_VALUE, (a, d) -> new Count(a, d));
        register("sum", 1, 1, (a, d) -> new Sum(a.get(0), d));
        register("avg", 1, 1, (a, d) -> new Average(a.get(0), d));
        register("mean", 1, 1, (a, d) -> new Average(a.get(0), d));
        register("min", 1, 1, (a, d) -> new MinMax(a.get(0), false));
        register("max", 1, 1, (a, d) -> new MinMax(a.get(0), true));
        registerMoment(CentralMoment.Kind.STDDEV_SAMP, "stddev", "stddev_samp", "std");
        registerMoment(CentralMoment.Kind.STDDEV_POP, "stddev_pop");
        registerMoment(CentralMoment.Kind.VAR_SAMP, "variance", "var_samp");
        registerMoment(CentralMoment.Kind.VAR_POP, "var_pop");
        for (StringTransform.Kind kind : StringTransform.Kind.values()) {
            register(kind.name().toLowerCase(Locale.ROOT), 1, 1, (a, d) -> new StringTransform(kind, a.get(0)));
        }
        register("concat", 0, Integer.MAX_VALUE, (a, d) -> new Concat(a, false));
        register("concat_ws", 1, Integer.MAX_VALUE, (a, d) -> new Concat(a, true));
        register("split", 2, 3, (a, d) -> new Split(withDefault(a, 3, Literal.of(-1))));
        register("array", 0, Integer.MAX_VALUE, (a, d) -> ArrayFunction.array(a));
        register("size", 1, 1, (a, d) -> ArrayFunction.size(a.get(0)));
        register("element_at", 2, 2, (a, d) -> new ElementAt(a.get(0), a.get(1), false));
        register("explode", 1, 1, (a, d) -> new Explode(a.get(0), false, false));
        register("explode_outer", 1, 1, (a, d) -> new Explode(a.get(0), false, true));
        for (ArrayElements.Kind kind : ArrayElements.Kind.values()) {
            if (kind == ArrayElements.Kind.REVERSE) {
                continue; // "reverse" is the string function; TypeCoercion turns it into this one for arrays
            }
            int arguments = kind == ArrayElements.Kind.ARRAY_CONTAINS ? 2 : 1;
            register(kind.name().toLowerCase(Locale.ROOT), arguments, kind == ArrayElements.Kind.SORT_ARRAY ? 2 : arguments,
                    (a, d) -> new ArrayElements(kind, a));
        }
        register("array_repeat", 2, 2, (a, d) -> new ArrayRepeat(a.get(0), a.get(1)));
        // arithmetic in function form
        register("pmod", 2, 2, (a, d) -> new Arithmetic(Arithmetic.Operator.PMOD, a.get(0), a.get(1)));
        register("div", 2, 2, (a, d) -> new Arithmetic(Arithmetic.Operator.INTEGRAL_DIVIDE, a.get(0), a.get(1)));
        register("try_divide", 2, 2, (a, d) -> new TryEval(ReplacedCall.call("try_divide", a, new Arithmetic(Arithmetic.Operator.DIVIDE, a.get(0), a.get(1)))));
        register("posexplode", 1, 1, (a, d) -> new Explode(a.get(0), true, false));
        register("posexplode_outer", 1, 1, (a, d) -> new Explode(a.get(0), true, true));
        registerNested();
        registerAggregates();
        registerDatetime();
        registerWindow();
        registerConditionals();
        registerMath();
        registerStrings();
    }

    /** Structs and maps. */
    private static void registerNested() {
        register("struct", 0, Integer.MAX_VALUE, (a, d) -> CreateStruct.struct(a));
        register("named_struct", 0, Integer.MAX_VALUE, (a, d) -> CreateStruct.namedStruct(a));
        register("map", 0, Integer.MAX_VALUE, (a, d) -> new MapFunction(MapFunction.Kind.MAP, a));
        for (MapFunction.Kind kind : MapFunction.Kind.values()) {
            int arguments = kind == MapFunction.Kind.MAP_FROM_ARRAYS || kind == MapFunction.Kind.MAP_CONTAINS_KEY ? 2 : 1;
            if (kind != MapFunction.Kind.MAP) {
                register(kind.name().toLowerCase(Locale.ROOT), arguments, arguments, (a, d) -> new MapFunction(kind, a));
            }
        }
        register("cardinality", 1, 1, (a, d) -> ReplacedCall.call("cardinality", a, ArrayFunction.size(a.get(0))));
        register("try_element_at", 2, 2, (a, d) -> new TryEval(ReplacedCall.call("try_element_at", a, new ElementAt(a.get(0), a.get(1), false))));
    }

    /** Aggregates beyond the basic ones; aliases keep the name they were called by, as Spark's column names do. */
    private static void registerAggregates() {
        for (String name : List.of("first", "first_value", "any_value", "last", "last_value")) {
            boolean last = name.startsWith("last");
            register(name, 1, 2, (a, d) -> new FirstLast(name, last, a.get(0), a.size() > 1 && ignoreNulls(name, a.get(1))));
        }
        register("collect_list", 1, 1, (a, d) -> new Collect(false, a.get(0), d));
        register("array_agg", 1, 1, (a, d) -> new Collect(false, a.get(0), d));
        register("collect_set", 1, 1, (a, d) -> new Collect(true, a.get(0), d));
        register("count_if", 1, 1, (a, d) -> new CountIf(a.get(0), d));
        for (String name : List.of("bool_and", "every", "bool_or", "some", "any")) {
            boolean and = name.equals("bool_and") || name.equals("every");
            register(name, 1, 1, (a, d) -> new BoolAggregate(name, and, a.get(0), d));
        }
        register("max_by", 2, 2, (a, d) -> new ExtremumBy(a.get(0), a.get(1), true));
        register("min_by", 2, 2, (a, d) -> new ExtremumBy(a.get(0), a.get(1), false));
        register("approx_count_distinct", 1, 2, (a, d) -> new ApproxCountDistinct(a));
        register("percentile", 2, 2, (a, d) -> new Percentile("percentile", a.get(0), a.get(1), d));
        register("median", 1, 1, (a, d) -> new Percentile("median", a.get(0), Literal.of(0.5), d));
        register("grouping", 1, 1, (a, d) -> GroupingFunction.grouping(a.get(0)));
        register("grouping_id", 0, 0, (a, d) -> GroupingFunction.groupingId());
    }

    /** The {@code ignoreNulls} argument of first/last, which must be a boolean constant. */
    private static boolean ignoreNulls(String function, Expression argument) {
        if (!(argument instanceof Literal literal) || !(literal.value() instanceof Boolean value)) {
            throw EmberException.of(ErrorClass._LEGACY_ERROR_TEMP_1210, "funcName", function);
        }
        return value;
    }

    /** Conditional functions; most are Spark's shorthands for CASE and coalesce, named as called. */
    private static void registerConditionals() {
        register("coalesce", 1, Integer.MAX_VALUE, (a, d) -> new Coalesce(a));
        register("nvl", 2, 2, (a, d) -> ReplacedCall.call("nvl", a, new Coalesce(a)));
        register("ifnull", 2, 2, (a, d) -> ReplacedCall.call("ifnull", a, new Coalesce(a)));
        register("nullif", 2, 2, (a, d) -> ReplacedCall.call("nullif", a,
                new CaseWhen(List.of(new Comparison(Comparison.Operator.EQUAL, a.get(0), a.get(1))), List.of(Literal.NULL), a.get(0))));
        register("if", 3, 3, (a, d) -> new ReplacedCall("(IF(%s, %s, %s))", a, new CaseWhen(List.of(a.get(0)), List.of(a.get(1)), a.get(2))));
        register("nvl2", 3, 3, (a, d) -> ReplacedCall.call("nvl2", a,
                new CaseWhen(List.of(new IsNull(a.get(0), true)), List.of(a.get(1)), a.get(2))));
        register("isnull", 1, 1, (a, d) -> new IsNull(a.get(0), false));
        register("isnotnull", 1, 1, (a, d) -> new IsNull(a.get(0), true));
        register("equal_null", 2, 2, (a, d) -> ReplacedCall.call("equal_null", a,
                new Comparison(Comparison.Operator.NULL_SAFE_EQUAL, a.get(0), a.get(1))));
        register("typeof", 1, 1, (a, d) -> new TypeOf(a.get(0)));
        register("between", 3, 3, (a, d) -> ReplacedCall.call("between", a,
                new And(new Comparison(Comparison.Operator.GREATER_THAN_OR_EQUAL, a.get(0), a.get(1)),
                        new Comparison(Comparison.Operator.LESS_THAN_OR_EQUAL, a.get(0), a.get(2)))));
        register("greatest", 2, Integer.MAX_VALUE, (a, d) -> new Greatest(true, a));
        register("least", 2, Integer.MAX_VALUE, (a, d) -> new Greatest(false, a));
    }

    /** Math functions. Spark shows some names in capitals ({@code SQRT(x)}), aliases as called ({@code ln}, {@code pow}). */
    private static void registerMath() {
        register("abs", 1, 1, (a, d) -> new Abs(a.get(0)));
        register("negative", 1, 1, (a, d) -> ReplacedCall.call("negative", a, new UnaryMinus(a.get(0))));
        register("positive", 1, 1, (a, d) -> new ReplacedCall("(+ %s)", a, a.get(0)));
        register("round", 1, 2, (a, d) -> new Round("round", RoundingMode.HALF_UP, a.get(0), scale(a)));
        register("bround", 1, 2, (a, d) -> new Round("bround", RoundingMode.HALF_EVEN, a.get(0), scale(a)));
        for (String name : List.of("ceil", "ceiling", "floor")) {
            boolean ceil = !name.equals("floor");
            String shown = name.equals("ceiling") ? name : name.toUpperCase(Locale.ROOT);
            register(name, 1, 2, (a, d) -> a.size() == 1 ? new FloorCeil(ceil, shown, a.get(0))
                    : new Round(name, ceil ? RoundingMode.CEILING : RoundingMode.FLOOR, a.get(0), a.get(1)));
        }
        for (UnaryMath.Kind kind : UnaryMath.Kind.values()) {
            String name = kind.name().toLowerCase(Locale.ROOT);
            // ln and rint show in lower case, the others as Spark's class names them.
            String shown = kind == UnaryMath.Kind.LN || kind == UnaryMath.Kind.RINT ? name : kind.name();
            register(name, 1, 1, (a, d) -> new UnaryMath(kind, shown, a.get(0)));
        }
        register("sign", 1, 1, (a, d) -> new UnaryMath(UnaryMath.Kind.SIGNUM, "sign", a.get(0)));
        register("log", 1, 2, (a, d) -> a.size() == 1
                ? new BinaryMath(BinaryMath.Kind.LOG, "LOG", ReplacedCall.call("E", List.of(), Literal.of(Math.E)), a.get(0))
                : new BinaryMath(BinaryMath.Kind.LOG, "LOG", a.get(0), a.get(1)));
        register("pow", 2, 2, (a, d) -> new BinaryMath(BinaryMath.Kind.POWER, "pow", a.get(0), a.get(1)));
        register("power", 2, 2, (a, d) -> new BinaryMath(BinaryMath.Kind.POWER, "POWER", a.get(0), a.get(1)));
        register("atan2", 2, 2, (a, d) -> new BinaryMath(BinaryMath.Kind.ATAN2, "ATAN2", a.get(0), a.get(1)));
        register("hypot", 2, 2, (a, d) -> new BinaryMath(BinaryMath.Kind.HYPOT, "HYPOT", a.get(0), a.get(1)));
        register("pi", 0, 0, (a, d) -> ReplacedCall.call("PI", a, Literal.of(Math.PI)));
        register("e", 0, 0, (a, d) -> ReplacedCall.call("E", a, Literal.of(Math.E)));
        register("mod", 2, 2, (a, d) -> ReplacedCall.call("mod", a, new Arithmetic(Arithmetic.Operator.REMAINDER, a.get(0), a.get(1))));
    }

    /** String functions; calls that leave out an argument show Spark's default for it ({@code lpad(s, 5,  )}). */
    private static void registerStrings() {
        register("ucase", 1, 1, (a, d) -> ReplacedCall.call("ucase", a, new StringTransform(StringTransform.Kind.UPPER, a.get(0))));
        register("lcase", 1, 1, (a, d) -> ReplacedCall.call("lcase", a, new StringTransform(StringTransform.Kind.LOWER, a.get(0))));
        register("length", 1, 1, (a, d) -> new Length(a.get(0)));
        for (String alias : List.of("char_length", "character_length", "len")) {
            register(alias, 1, 1, (a, d) -> ReplacedCall.call(alias, a, new Length(a.get(0))));
        }
        register("octet_length", 1, 1, (a, d) -> new Length(Length.Unit.BYTES, a.get(0)));
        register("bit_length", 1, 1, (a, d) -> new Length(Length.Unit.BITS, a.get(0)));
        register("substring", 2, 3, (a, d) -> new Substring(withDefault(a, 3, Literal.of(Integer.MAX_VALUE))));
        register("substr", 2, 3, (a, d) -> {
            List<Expression> all = withDefault(a, 3, Literal.of(Integer.MAX_VALUE));
            return ReplacedCall.call("substr", all, new Substring(all));
        });
        register("left", 2, 2, (a, d) -> ReplacedCall.call("left", a, new Substring(List.of(a.get(0), Literal.of(1), a.get(1)))));
        register("right", 2, 2, (a, d) -> ReplacedCall.call("right", a,
                new Substring(List.of(a.get(0), new UnaryMinus(TypeCoercion.castTo(a.get(1), AtomicType.INT)), a.get(1)))));
        register("lpad", 2, 3, (a, d) -> new Pad(true, withDefault(a, 3, Literal.of(" "))));
        register("rpad", 2, 3, (a, d) -> new Pad(false, withDefault(a, 3, Literal.of(" "))));
        register("repeat", 2, 2, (a, d) -> new Repeat(a.get(0), a.get(1)));
        register("replace", 2, 3, (a, d) -> new StringReplace(false, withDefault(a, 3, Literal.of(""))));
        register("translate", 3, 3, (a, d) -> new StringReplace(true, a));
        register("locate", 2, 3, (a, d) -> {
            List<Expression> all = withDefault(a, 3, Literal.of(1));
            return new Locate(all.get(0), all.get(1), all.get(2));
        });
        register("position", 2, 3, (a, d) -> {
            List<Expression> all = withDefault(a, 3, Literal.of(1));
            return ReplacedCall.call("position", all, new Locate(all.get(0), all.get(1), all.get(2)));
        });
        register("substring_index", 3, 3, (a, d) -> new SubstringIndex(a));
        register("instr", 2, 2, (a, d) -> ReplacedCall.call("instr", a, new Locate(a.get(1), a.get(0), Literal.of(1))));
        for (TrimChars.Side side : TrimChars.Side.values()) {
            StringTransform.Kind oneArgument = switch (side) {
                case BOTH -> StringTransform.Kind.TRIM;
                case LEADING -> StringTransform.Kind.LTRIM;
                case TRAILING -> StringTransform.Kind.RTRIM;
            };
            // trim(chars, str): Spark's two-argument trims take the characters first.
            register(oneArgument.name().toLowerCase(Locale.ROOT), 1, 2, (a, d) -> a.size() == 1
                    ? new StringTransform(oneArgument, a.get(0)) : new TrimChars(side, a.get(0), a.get(1)));
        }
        register("btrim", 1, 2, (a, d) -> ReplacedCall.call("btrim", a, a.size() == 1
                ? new StringTransform(StringTransform.Kind.TRIM, a.get(0)) : new TrimChars(TrimChars.Side.BOTH, a.get(1), a.get(0))));
        register("ascii", 1, 1, (a, d) -> new CharCode(false, "ascii", a.get(0)));
        register("chr", 1, 1, (a, d) -> new CharCode(true, "chr", a.get(0)));
        register("char", 1, 1, (a, d) -> new CharCode(true, "char", a.get(0)));
        for (StringPredicate.Kind kind : StringPredicate.Kind.values()) {
            register(kind.name().toLowerCase(Locale.ROOT), 2, 2, (a, d) -> new StringPredicate(kind, a.get(0), a.get(1)));
        }
        register("regexp_replace", 3, 4, (a, d) -> new RegexpReplace(withDefault(a, 4, Literal.of(1))));
        register("regexp_extract", 2, 3, (a, d) -> new RegexpExtract(false, withDefault(a, 3, Literal.of(1))));
        register("regexp_extract_all", 2, 3, (a, d) -> new RegexpExtract(true, withDefault(a, 3, Literal.of(1))));
        register("rlike", 2, 2, (a, d) -> new Like(a.get(0), a.get(1), true));
        register("regexp", 2, 2, (a, d) -> ReplacedCall.call("REGEXP", a, new Like(a.get(0), a.get(1), true)));
        register("regexp_like", 2, 2, (a, d) -> ReplacedCall.call("REGEXP_LIKE", a, new Like(a.get(0), a.get(1), true)));
        register("like", 2, 2, (a, d) -> new Like(a.get(0), a.get(1), false));
        register("ilike", 2, 2, (a, d) -> ReplacedCall.call("ilike", a, new Like(new StringTransform(StringTransform.Kind.LOWER, a.get(0)),
                new StringTransform(StringTransform.Kind.LOWER, a.get(1)), false)));
    }

    /** The arguments, with {@code value} added as argument number {@code count} when the call left it out. */
    private static List<Expression> withDefault(List<Expression> arguments, int count, Expression value) {
        if (arguments.size() >= count) {
            return arguments;
        }
        List<Expression> all = new ArrayList<>(arguments);
        all.add(value);
        return all;
    }

    private static Expression scale(List<Expression> arguments) {
        return arguments.size() > 1 ? arguments.get(1) : Literal.of(0);
    }

    private FunctionRegistry() {
    }

    private static void registerWindow() {
        for (Ranking.Kind kind : Ranking.Kind.values()) {
            int arguments = kind == Ranking.Kind.NTILE ? 1 : 0;
            register(kind.name().toLowerCase(Locale.ROOT), arguments, arguments, (a, d) -> new Ranking(kind, a));
        }
        register("lag", 1, 3, (a, d) -> offsetFunction(false, a));
        register("lead", 1, 3, (a, d) -> offsetFunction(true, a));
    }

    private static Expression offsetFunction(boolean lead, List<Expression> arguments) {
        int offset = 1;
        if (arguments.size() > 1) {
            if (!(arguments.get(1) instanceof Literal literal) || !(literal.value() instanceof Integer value)) {
                throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "an offset of lag/lead other than an integer literal: "
                        + arguments.get(1));
            }
            offset = value;
        }
        return Offset.of(lead, arguments.get(0), offset, arguments.size() > 2 ? arguments.get(2) : null);
    }

    private static void registerDatetime() {
        for (DatePart.Field field : DatePart.Field.values()) {
            String name = field.name().toLowerCase(Locale.ROOT);
            register(name, 1, 1, (a, d) -> new DatePart(field, name, a.get(0)));
        }
        register("dayofmonth", 1, 1, (a, d) -> new DatePart(DatePart.Field.DAY, "dayofmonth", a.get(0)));
        register("date_add", 2, 2, (a, d) -> DateAdd.of(a.get(0), a.get(1), false));
        register("dateadd", 2, 2, (a, d) -> DateAdd.of(a.get(0), a.get(1), false));
        register("date_sub", 2, 2, (a, d) -> DateAdd.of(a.get(0), a.get(1), true));
        register("datediff", 2, 2, (a, d) -> new DateDiff(a));
        register("add_months", 2, 2, (a, d) -> new AddMonths(a));
        register("last_day", 1, 1, (a, d) -> new LastDay(a.get(0)));
        register("months_between", 2, 3, (a, d) -> new MonthsBetween(withDefault(a, 3, Literal.TRUE)));
        register("to_date", 1, 2, (a, d) -> new ToDate(a));
        register("date_format", 2, 2, (a, d) -> new DateFormat(a));
        register("current_date", 0, 0, (a, d) -> new CurrentDate());
        register("curdate", 0, 0, (a, d) -> new CurrentDate());
        registerTimestamps();
    }

    /** Timestamp functions; calls that leave out the pattern show Spark's default ({@code unix_timestamp(ts, yyyy-MM-dd HH:mm:ss)}). */
    private static void registerTimestamps() {
        for (TimestampPart.Field field : TimestampPart.Field.values()) {
            register(field.name().toLowerCase(Locale.ROOT), 1, 1, (a, d) -> new TimestampPart(field, a.get(0)));
        }
        Literal defaultPattern = Literal.of(ParseTimestamp.DEFAULT_PATTERN);
        register("to_timestamp", 1, 2, (a, d) -> a.size() == 1
                ? ReplacedCall.call("to_timestamp", a, new Cast(a.get(0), AtomicType.TIMESTAMP))
                : new ParseTimestamp("to_timestamp", false, a));
        register("unix_timestamp", 0, 2, (a, d) -> new ParseTimestamp("unix_timestamp", true,
                withDefault(a.isEmpty() ? List.of(new CurrentTimestamp("current_timestamp")) : a, 2, defaultPattern)));
        register("to_unix_timestamp", 1, 2, (a, d) -> new ParseTimestamp("to_unix_timestamp", true, withDefault(a, 2, defaultPattern)));
        register("from_unixtime", 1, 2, (a, d) -> new FromUnixTime(withDefault(a, 2, defaultPattern)));
        register("date_trunc", 2, 2, (a, d) -> new DateTrunc(a.get(0), a.get(1)));
        register("trunc", 2, 2, (a, d) -> new TruncDate(a.get(0), a.get(1)));
        register("current_timestamp", 0, 0, (a, d) -> new CurrentTimestamp("current_timestamp"));
        register("now", 0, 0, (a, d) -> new CurrentTimestamp("now"));
        register("make_date", 3, 3, (a, d) -> MakeDatetime.date(a));
        register("make_timestamp", 6, 7, (a, d) -> MakeDatetime.timestamp(a));
    }

    private static void registerMoment(CentralMoment.Kind kind, String... names) {
        for (String name : names) {
            register(name, 1, 1, (a, d) -> new CentralMoment(kind, name, a.get(0), d));
        }
    }

    private static void register(String name, int min, int max, Builder builder) {
        FUNCTIONS.put(name, new Entry(min, max, builder));
    }

    /** The function an unresolved call names, over its (resolved) arguments. */
    public static Expression resolve(UnresolvedFunction call, List<Expression> arguments) {
        Entry entry = FUNCTIONS.get(call.name());
        if (entry == null) {
            throw EmberException.of(ErrorClass.UNRESOLVED_ROUTINE, "routine", "`" + call.name() + "`",
                    "suggestion", " Verify the spelling and correctness of the function name.").at(call.position());
        }
        if (arguments.size() < entry.minArguments() || arguments.size() > entry.maxArguments()) {
            String expected = entry.minArguments() == entry.maxArguments() ? String.valueOf(entry.minArguments())
                    : entry.maxArguments() == Integer.MAX_VALUE ? "at least " + entry.minArguments()
                    : "[" + entry.minArguments() + ", " + entry.maxArguments() + "]";
            throw EmberException.of(ErrorClass.WRONG_NUM_ARGS, "function", "`" + call.name() + "`",
                    "expected", expected, "actual", arguments.size()).at(call.position());
        }
        return entry.builder().build(arguments, call.distinct());
    }

    public static boolean exists(String name) {
        return FUNCTIONS.containsKey(name);
    }

    public static String names() {
        return FUNCTIONS.keySet().stream().collect(Collectors.joining(", "));
    }
}
