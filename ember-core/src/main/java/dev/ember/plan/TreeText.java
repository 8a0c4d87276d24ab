package dev.ember.plan;

import java.util.List;
import java.util.function.Function;

/** The indented tree {@code explain} prints, shared by logical and physical plans. */
public final class TreeText {
    private TreeText() {
    }

    public static <T> String render(T root, Function<T, String> line, Function<T, List<T>> children) {
        StringBuilder out = new StringBuilder();
        append(out, root, "", true, true, line, children);
        return out.toString();
    }

    private static <T> void append(StringBuilder out, T node, String indent, boolean last, boolean root,
            Function<T, String> line, Function<T, List<T>> children) {
        out.append(indent);
        if (!root) {
            out.append(last ? "+- " : ":- ");
        }
        out.append(line.apply(node)).append('\n');
        List<T> kids = children.apply(node);
        String childIndent = root ? "" : indent + (last ? "   " : ":  ");
        for (int i = 0; i < kids.size(); i++) {
            append(out, kids.get(i), childIndent, i == kids.size() - 1, false, line, children);
        }
    }
}
