package dev.ember.conformance;

import static org.assertj.core.api.Assertions.fail;

import dev.ember.conformance.Cases.RddCase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every {@link RddProgram} of the rdd package on both engines and compares their results name by name. */
class RddConformanceTest {
    @TestFactory
    Stream<DynamicTest> programs() {
        return Cases.rddCases().stream().map(rddCase -> DynamicTest.dynamicTest(rddCase.name(), () -> check(rddCase)));
    }

    private static void check(RddCase rddCase) {
        RddResults spark = new RddResults();
        rddCase.program().spark(JavaSparkContext.fromSparkContext(Sessions.newSparkSession().sparkContext()), spark);
        RddResults ember = new RddResults();
        rddCase.program().ember(Sessions.emberForNewCase().context(), ember);
        if (Boolean.getBoolean("conformance.print")) {
            System.out.println("== Spark: " + rddCase.name());
            spark.results().forEach((name, value) -> System.out.println("  " + name + " -> " + Values.format(value)));
        }
        List<String> differences = differences(spark.results(), ember.results());
        if (!differences.isEmpty()) {
            fail(rddCase.name() + ": " + differences.size() + " of " + spark.results().size() + " results differ\n  "
                    + String.join("\n  ", differences));
        }
    }

    private static List<String> differences(Map<String, Object> spark, Map<String, Object> ember) {
        Set<String> names = new LinkedHashSet<>(spark.keySet());
        names.addAll(ember.keySet());
        List<String> differences = new ArrayList<>();
        for (String name : names) {
            if (!spark.containsKey(name) || !ember.containsKey(name)) {
                differences.add(name + ": recorded by " + (spark.containsKey(name) ? "Spark" : "Ember") + " only");
            } else if (!Values.matches(spark.get(name), ember.get(name))) {
                differences.add(name + ":\n    Spark " + Values.format(spark.get(name)) + "\n    Ember " + Values.format(ember.get(name)));
            }
        }
        return differences;
    }
}
