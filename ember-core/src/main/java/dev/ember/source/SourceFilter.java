package dev.ember.source;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A predicate on the top-level columns of a file, by name, with literal values, that the planner
 * hands to a format so it can skip data that cannot match (like Spark's {@code sources.Filter}).
 * A format may ignore any filter: the query still filters every row it reads. Values are those of
 * Ember's literals of the column's type: Boolean, Byte, Short, Integer, Long, Float, Double, String,
 * BigDecimal, LocalDate, Instant.
 */
public sealed interface SourceFilter extends Serializable {
    /** The columns the filter reads. */
    List<String> columns();

    /** {@code column = value}. */
    record EqualTo(String column, Object value) implements SourceFilter {
        public EqualTo {
            requireNonNull(column, "column is null");
            requireNonNull(value, "value is null");
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public String toString() {
            return "EqualTo(" + column + "," + value + ")";
        }
    }

    /** {@code column op value} for an ordering comparison. */
    record Compare(Op op, String column, Object value) implements SourceFilter {
        public enum Op {
            LESS_THAN("LessThan"), LESS_THAN_OR_EQUAL("LessThanOrEqual"), GREATER_THAN("GreaterThan"), GREATER_THAN_OR_EQUAL("GreaterThanOrEqual");

            private final String sparkName;

            Op(String sparkName) {
                this.sparkName = sparkName;
            }

            /** Whether {@code order} (the sign of value compared with the literal) satisfies the operator. */
            public boolean accepts(int order) {
                return switch (this) {
                    case LESS_THAN -> order < 0;
                    case LESS_THAN_OR_EQUAL -> order <= 0;
                    case GREATER_THAN -> order > 0;
                    case GREATER_THAN_OR_EQUAL -> order >= 0;
                };
            }
        }

        public Compare {
            requireNonNull(op, "op is null");
            requireNonNull(column, "column is null");
            requireNonNull(value, "value is null");
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public String toString() {
            return op.sparkName + "(" + column + "," + value + ")";
        }
    }

    /** {@code column IN (values)}; the values are not null. */
    record In(String column, List<Object> values) implements SourceFilter {
        public In {
            requireNonNull(column, "column is null");
            values = List.copyOf(values);
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public String toString() {
            return "In(" + column + ", " + values.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")) + ")";
        }
    }

    /** {@code column IS NULL}, or {@code IS NOT NULL} when negated. */
    record IsNull(String column, boolean negated) implements SourceFilter {
        public IsNull {
            requireNonNull(column, "column is null");
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public String toString() {
            return (negated ? "IsNotNull(" : "IsNull(") + column + ")";
        }
    }

    record And(SourceFilter left, SourceFilter right) implements SourceFilter {
        public And {
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }

        @Override
        public List<String> columns() {
            return java.util.stream.Stream.concat(left.columns().stream(), right.columns().stream()).distinct().toList();
        }

        @Override
        public String toString() {
            return "And(" + left + "," + right + ")";
        }
    }

    record Or(SourceFilter left, SourceFilter right) implements SourceFilter {
        public Or {
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }

        @Override
        public List<String> columns() {
            return java.util.stream.Stream.concat(left.columns().stream(), right.columns().stream()).distinct().toList();
        }

        @Override
        public String toString() {
            return "Or(" + left + "," + right + ")";
        }
    }

    record Not(SourceFilter child) implements SourceFilter {
        public Not {
            requireNonNull(child, "child is null");
        }

        @Override
        public List<String> columns() {
            return child.columns();
        }

        @Override
        public String toString() {
            return "Not(" + child + ")";
        }
    }
}
