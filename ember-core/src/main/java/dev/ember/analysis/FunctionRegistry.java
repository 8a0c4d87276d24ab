package dev.ember.analysis;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.expr.UnresolvedFunction;
import dev.ember.expr.aggregate.Average;
import dev.ember.expr.aggregate.Count;
import dev.ember.expr.aggregate.MinMax;
import dev.ember.expr.aggregate.Sum;
import dev.ember.expr.function.AddMonths;
import dev.ember.expr.function.Coalesce;
import dev.ember.expr.function.CurrentDate;
import dev.ember.expr.function.DateAdd;
import dev.ember.expr.function.DateDiff;
import dev.ember.expr.function.DateFormat;
import dev.ember.expr.function.DatePart;
import dev.ember.expr.function.Concat;
import dev.ember.expr.function.Explode;
import dev.ember.expr.function.LastDay;
import dev.ember.expr.function.Length;
import dev.ember.expr.function.Split;
import dev.ember.expr.function.StringTransform;
import dev.ember.expr.function.Substring;
import dev.ember.expr.function.ToDate;
import dev.ember.expr.function.TypeOf;
import dev.ember.expr.window.Offset;
import dev.ember.expr.window.Ranking;
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
        register("count", 1, 1, (a, d) -> new Count(a.get(0), d));
        register("sum", 1, 1, (a, d) -> new Sum(a.get(0), d));
        register("avg", 1, 1, (a, d) -> new Average(a.get(0), d));
        register("mean", 1, 1, (a, d) -> new Average(a.get(0), d));
        register("min", 1, 1, (a, d) -> new MinMax(a.get(0), false));
        register("max", 1, 1, (a, d) -> new MinMax(a.get(0), true));
        for (StringTransform.Kind kind : StringTransform.Kind.values()) {
            register(kind.name().toLowerCase(Locale.ROOT), 1, 1, (a, d) -> new StringTransform(kind, a.get(0)));
        }
        register("ucase", 1, 1, (a, d) -> new StringTransform(StringTransform.Kind.UPPER, a.get(0)));
        register("lcase", 1, 1, (a, d) -> new StringTransform(StringTransform.Kind.LOWER, a.get(0)));
        register("length", 1, 1, (a, d) -> new Length(a.get(0)));
        register("char_length", 1, 1, (a, d) -> new Length(a.get(0)));
        register("concat", 0, Integer.MAX_VALUE, (a, d) -> new Concat(a, false));
        register("concat_ws", 1, Integer.MAX_VALUE, (a, d) -> new Concat(a, true));
        register("substring", 2, 3, (a, d) -> new Substring(a));
        register("substr", 2, 3, (a, d) -> new Substring(a));
        register("coalesce", 1, Integer.MAX_VALUE, (a, d) -> new Coalesce(a));
        register("split", 2, 3, (a, d) -> new Split(a));
        register("explode", 1, 1, (a, d) -> new Explode(a.get(0), false));
        register("posexplode", 1, 1, (a, d) -> new Explode(a.get(0), true));
        registerDatetime();
        registerWindow();
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
        register("to_date", 1, 2, (a, d) -> new ToDate(a));
        register("date_format", 2, 2, (a, d) -> new DateFormat(a));
        register("current_date", 0, 0, (a, d) -> new CurrentDate());
        register("curdate", 0, 0, (a, d) -> new CurrentDate());
        register("typeof", 1, 1, (a, d) -> new TypeOf(a.get(0)));
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
