package dev.ember.analysis;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.Cast;
import dev.ember.expr.Casts;
import dev.ember.expr.Expression;
import dev.ember.expr.GetArrayStructFields;
import dev.ember.expr.GetStructField;
import dev.ember.expr.function.ElementAt;
import dev.ember.expr.Literal;
import dev.ember.expr.UnresolvedAttribute;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Name lookup and comparison of expressions, shared by the analyzer's resolution steps. */
public final class Expressions {
    private Expressions() {
    }

    /** A string that is equal for two expressions exactly when they compute the same thing from the same columns. */
    public static String canonical(Expression expression) {
        // Types show where names hide them: implicit casts become explicit, literals carry their type (1 and 1L differ).
        return expression.transformUp(e -> {
            if (e instanceof AttributeReference a) {
                return new UnresolvedAttribute(List.of("#" + a.exprId().id()), null);
            }
            if (e instanceof Cast cast && cast.isImplicit()) {
                return new Cast(cast.child(), cast.dataType());
            }
            if (e instanceof Literal literal) {
                return new UnresolvedAttribute(List.of(literal + ":" + literal.dataType().simpleString()), null);
            }
            return e;
        }).toString() + ":" + expression.getClass().getSimpleName();
    }

    static boolean qualifierMatches(AttributeReference attribute, List<String> qualifier) {
        List<String> own = attribute.qualifier();
        if (qualifier.size() > own.size()) {
            return false;
        }
        List<String> tail = own.subList(own.size() - qualifier.size(), own.size());
        for (int i = 0; i < qualifier.size(); i++) {
            if (!tail.get(i).equalsIgnoreCase(qualifier.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a name refers to: a column ({@code a}, {@code t.a}) or, when no column has the whole
     * name, a field of a struct column ({@code s.a}, {@code t.s.a.b}), the longest column name first.
     */
    public static Expression resolveName(UnresolvedAttribute attribute, List<AttributeReference> input) {
        try {
            return resolveAttribute(attribute, input);
        } catch (EmberException noColumn) {
            List<String> parts = attribute.nameParts();
            if (noColumn.errorClass() != ErrorClass.UNRESOLVED_COLUMN || parts.size() < 2) {
                throw noColumn;
            }
            for (int columnParts = parts.size() - 1; columnParts >= 1; columnParts--) {
                AttributeReference column;
                try {
                    column = resolveAttribute(new UnresolvedAttribute(parts.subList(0, columnParts), attribute.position()), input);
                } catch (EmberException notThis) {
                    if (notThis.errorClass() != ErrorClass.UNRESOLVED_COLUMN) {
                        throw notThis;
                    }
                    continue;
                }
                Expression field = column;
                for (String name : parts.subList(columnParts, parts.size())) {
                    field = extractField(field, name);
                }
                return field;
            }
            throw noColumn;
        }
    }

    /** {@code expression.name}: a struct's field, the field of an array's structs, a map's value; else Spark's error. */
    public static Expression extractField(Expression expression, String name) {
        DataType type = expression.dataType();
        if (type instanceof StructType) {
            return GetStructField.of(expression, name);
        }
        if (type instanceof ArrayType array && array.elementType() instanceof StructType) {
            // arr.a: the field of every element, an array (ordinal found as for a struct)
            return new GetArrayStructFields(expression, GetStructField.of(new Literal(null, array.elementType()), name).ordinal());
        }
        if (type instanceof MapType) {
            return new ElementAt(expression, Literal.of(name), true); // m.k is m['k']
        }
        throw EmberException.of(ErrorClass.INVALID_EXTRACT_BASE_FIELD_TYPE, "base", "\"" + expression + "\"",
                "other", Casts.toSqlType(expression.dataType()));
    }

    /** The input column a name refers to: {@code a}, or {@code t.a} with a qualifier. */
    public static AttributeReference resolveAttribute(UnresolvedAttribute attribute, List<AttributeReference> input) {
        List<String> parts = attribute.nameParts();
        String name = parts.get(parts.size() - 1);
        List<String> qualifier = parts.subList(0, parts.size() - 1);
        List<AttributeReference> matches = new ArrayList<>();
        for (AttributeReference candidate : input) {
            if (candidate.name().equalsIgnoreCase(name) && qualifierMatches(candidate, qualifier) && !matches.contains(candidate)) {
                matches.add(candidate);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.size() > 1) {
            throw EmberException.of(ErrorClass.AMBIGUOUS_REFERENCE, "name", "`" + attribute.name() + "`",
                    "candidates", matches.stream().map(m -> "`" + String.join("`.`", qualified(m)) + "`")
                            .collect(Collectors.joining(", ", "[", "]")))
                    .at(attribute.position());
        }
        throw EmberException.of(ErrorClass.UNRESOLVED_COLUMN, "name", "`" + String.join("`.`", parts) + "`",
                "suggestion", " Did you mean one of the following? " + suggestions(name, input) + ".").at(attribute.position());
    }

    private static List<String> qualified(AttributeReference attribute) {
        List<String> parts = new ArrayList<>(attribute.qualifier());
        parts.add(attribute.name());
        return parts;
    }

    /** The input columns, closest names first, as Spark lists them. */
    static String suggestions(String name, List<AttributeReference> input) {
        return input.stream()
                .sorted(Comparator.comparingInt(a -> distance(name.toLowerCase(), a.name().toLowerCase())))
                .limit(5)
                .map(a -> "`" + String.join("`.`", qualified(a)) + "`")
                .distinct()
                .collect(Collectors.joining(", ", "[", "]"));
    }

    static String quotedNames(List<AttributeReference> attributes) {
        return attributes.stream().map(a -> "`" + a.name() + "`").collect(Collectors.joining(", ", "[", "]"));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
