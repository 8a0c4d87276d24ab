package dev.ember.analysis;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.Cast;
import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.expr.UnresolvedAttribute;
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
