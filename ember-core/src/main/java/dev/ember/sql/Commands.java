package dev.ember.sql;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.AttributeReference;
import dev.ember.parser.SqlParser;
import dev.ember.plan.command.Command;
import dev.ember.plan.command.CreateView;
import dev.ember.plan.command.CreateViewUsing;
import dev.ember.plan.command.Describe;
import dev.ember.plan.command.DropView;
import dev.ember.plan.command.Explain;
import dev.ember.plan.command.SetConfig;
import dev.ember.plan.command.ShowTables;
import dev.ember.plan.logical.LocalRelation;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.StructField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Runs the statements that act on the session; each yields its result as a small local relation. */
final class Commands {
    private final EmberSession session;

    Commands(EmberSession session) {
        this.session = session;
    }

    LogicalPlan run(Command command) {
        if (command instanceof CreateView create) {
            session.catalog().createView(create.name(), session.analyzer().analyze(create.query()), create.replace());
            return empty();
        }
        if (command instanceof CreateViewUsing create) {
            Map<String, String> options = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            options.putAll(create.options());
            String path = options.remove("path");
            if (path == null) {
                throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`path`", "function", "CREATE TEMPORARY VIEW ... USING",
                        "detail", "the OPTIONS need a 'path'");
            }
            LogicalPlan relation = DataSources.relation(session, create.format(), List.of(path), options,
                    create.schemaDdl() == null ? null : SqlParser.parseTableSchema(create.schemaDdl()));
            session.catalog().createView(create.name(), relation, create.replace());
            return empty();
        }
        if (command instanceof DropView drop) {
            if (!session.catalog().dropView(drop.name()) && !drop.ifExists()) {
                throw EmberException.of(ErrorClass.TABLE_OR_VIEW_NOT_FOUND, "name", "`" + drop.name() + "`", "suggestion", "");
            }
            return empty();
        }
        if (command instanceof ShowTables show) {
            Pattern pattern = show.pattern() == null ? null : Pattern.compile(
                    show.pattern().replace(".", "\\.").replace("*", ".*"), Pattern.CASE_INSENSITIVE);
            List<List<Object>> rows = new ArrayList<>();
            for (String name : session.catalog().viewNames()) {
                if (pattern == null || pattern.matcher(name).matches()) {
                    rows.add(Arrays.asList("", name, true));
                }
            }
            return relation(List.of(column("namespace", AtomicType.STRING), column("tableName", AtomicType.STRING),
                    column("isTemporary", AtomicType.BOOLEAN)), rows);
        }
        if (command instanceof Describe describe) {
            LogicalPlan plan = session.analyzer().analyze(describe.target());
            List<List<Object>> rows = new ArrayList<>();
            for (AttributeReference attribute : plan.output()) {
                rows.add(Arrays.asList(attribute.name(), attribute.dataType().simpleString(), null));
            }
            return relation(List.of(column("col_name", AtomicType.STRING), column("data_type", AtomicType.STRING),
                    column("comment", AtomicType.STRING)), rows);
        }
        if (command instanceof Explain explain) {
            DataFrame frame = new DataFrame(session, session.analyzer().analyze(explain.query()));
            List<List<Object>> rows = new ArrayList<>();
            rows.add(Arrays.asList(frame.explainString(explain.mode() != Explain.Mode.SIMPLE)));
            return relation(List.of(column("plan", AtomicType.STRING)), rows);
        }
        if (command instanceof SetConfig set) {
            if (set.key() != null && set.value() != null) {
                session.conf().set(set.key(), set.value());
            }
            List<List<Object>> rows = new ArrayList<>();
            session.conf().all().forEach((key, value) -> {
                if (set.key() == null || dev.ember.config.EmberConf.canonicalKey(set.key()).equals(key)) {
                    rows.add(Arrays.asList(set.key() != null ? set.key() : key, value));
                }
            });
            if (set.key() != null && rows.isEmpty()) {
                rows.add(Arrays.asList(set.key(), "<undefined>"));
            }
            return relation(List.of(column("key", AtomicType.STRING), column("value", AtomicType.STRING)), rows);
        }
        throw EmberSession.unsupported("the statement " + command.nodeString());
    }

    private static AttributeReference column(String name, dev.ember.sql.types.DataType type) {
        StructField field = new StructField(name, type, true);
        return AttributeReference.create(field.name(), field.dataType(), field.nullable());
    }

    private static LogicalPlan relation(List<AttributeReference> output, List<List<Object>> rows) {
        return new LocalRelation(output, rows);
    }

    private static LogicalPlan empty() {
        return new LocalRelation(List.of(), List.of());
    }
}
