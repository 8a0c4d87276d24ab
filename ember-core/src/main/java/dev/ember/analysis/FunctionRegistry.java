package dev.ember.analysis;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Arithmetic;
import dev.ember.expr.CalledAs;
import dev.ember.expr.Comparison;
import dev.ember.expr.Expression;
import dev.ember.expr.IsNull;
import dev.ember.expr.TryEval;
import dev.ember.expr.UnresolvedFunction;
import dev.ember.expr.aggregate.Average;
import dev.ember.expr.aggregate.Count;
import dev.ember.expr.aggregate.MinMax;
import dev.ember.expr.aggregate.Sum;
import dev.ember.expr.function.ArrayRepeat;
import dev.ember.expr.function.Coalesce;
import dev.ember.expr.function.Concat;
import dev.ember.expr.function.CreateArray;
import dev.ember.expr.function.Explode;
import dev.ember.expr.function.Length;
import dev.ember.expr.function.Split;
import dev.ember.expr.function.StringTransform;
import dev.ember.expr.function.Substring;
import dev.ember.expr.function.TypeOf;
import java.util.List;
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
        for (StringTransform.Kind kind : StringTransform.Kind.values()) {
            register(kind.name().toLowerCase(java.util.Locale.ROOT), 1, 1, (a, d) -> new StringTransform(kind, a.get(0)));
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
        register("array", 0, Integer.MAX_VALUE, (a, d) -> new CreateArray(a));
        register("array_repeat", 2, 2, (a, d) -> new ArrayRepeat(a.get(0), a.get(1)));
        // types, nulls and arithmetic in function form
        register("typeof", 1, 1, (a, d) -> new TypeOf(a.get(0)));
        register("isnull", 1, 1, (a, d) -> new IsNull(a.get(0), false));
        register("isnotnull", 1, 1, (a, d) -> new IsNull(a.get(0), true));
        register("equal_null", 2, 2, (a, d) -> new CalledAs("equal_null", new Comparison(Comparison.Operator.NULL_SAFE_EQUAL, a.get(0), a.get(1))));
        register("mod", 2, 2, (a, d) -> new CalledAs("mod", new Arithmetic(Arithmetic.Operator.REMAINDER, a.get(0), a.get(1))));
        register("pmod", 2, 2, (a, d) -> new Arithmetic(Arithmetic.Operator.PMOD, a.get(0), a.get(1)));
        register("div", 2, 2, (a, d) -> new Arithmetic(Arithmetic.Operator.INTEGRAL_DIVIDE, a.get(0), a.get(1)));
        register("try_divide", 2, 2, (a, d) -> new TryEval(new CalledAs("try_divide", new Arithmetic(Arithmetic.Operator.DIVIDE, a.get(0), a.get(1)))));
        register("posexplode", 1, 1, (a, d) -> new Explode(a.get(0), true));
    }

    private FunctionRegistry() {
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
