package dev.ember.examples;

import dev.ember.examples.tpch.TpchData;
import dev.ember.examples.tpch.TpchQueries;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One of TPC-H's 22 queries over the TPC-H tables at a scale factor: the tables are generated on
 * first use (deterministic: the same files every time) as {@code '|'}-separated text under
 * {@code ~/.cache/ember-examples/tpch/sf<SF>}, read as CSV with the specification's types and
 * registered as views, then the query's SQL runs. Prints the column names, then one line per row,
 * values separated by {@code |} in the query's order.
 */
public final class TpchQuery implements Example {
    static final Path DEFAULT_DATA = Path.of(System.getProperty("user.home"), ".cache", "ember-examples", "tpch");

    @Override
    public String name() {
        return "tpch";
    }

    @Override
    public String usage() {
        return "[QUERY] [SF] [DATA_DIR]";
    }

    @Override
    public String description() {
        return "TPC-H query QUERY (1-22, default 1) at scale factor SF (default 0.01), tables generated where missing";
    }

    @Override
    public void run(EmberSession ember, List<String> args, PrintWriter out) {
        int query = args.isEmpty() ? 1 : queryNumber(args.get(0));
        double scale = args.size() > 1 ? scaleFactor(args.get(1)) : 0.01;
        Path root = args.size() > 2 ? Path.of(args.get(2)) : DEFAULT_DATA;
        Path data = root.resolve("sf" + new BigDecimal(Double.toString(scale)).stripTrailingZeros().toPlainString());
        TpchData.generate(data, scale);
        for (String table : TpchData.tableNames()) {
            ember.read().schema(TpchQueries.columnDefinitions(table)).option("sep", "|")
                    .csv(TpchData.file(data, table).toString())
                    .createOrReplaceTempView(table);
        }
        DataFrame result = ember.sql(TpchQueries.query(query));
        out.println(String.join("|", result.columns()));
        for (Row row : result.collectAsList()) {
            List<String> values = new ArrayList<>(row.length());
            for (int i = 0; i < row.length(); i++) {
                values.add(format(row.get(i)));
            }
            out.println(String.join("|", values));
        }
    }

    /** A value as text: decimals in plain notation (never {@code 1E+3}), everything else as it prints. */
    static String format(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
    }

    /** {@code 6}, {@code q6} or {@code q06}. */
    private static int queryNumber(String text) {
        String digits = text.toLowerCase(Locale.ROOT).startsWith("q") ? text.substring(1) : text;
        try {
            int number = Integer.parseInt(digits.trim());
            if (number >= 1 && number <= TpchQueries.COUNT) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("QUERY must be a TPC-H query number from 1 to " + TpchQueries.COUNT + ", not '" + text + "'");
    }

    private static double scaleFactor(String text) {
        try {
            double scale = Double.parseDouble(text.trim());
            if (scale > 0 && Double.isFinite(scale)) {
                return scale;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("SF must be a positive scale factor such as 0.01 or 1, not '" + text + "'");
    }

    public static void main(String[] args) throws Exception {
        Example.main(new TpchQuery(), args);
    }
}
