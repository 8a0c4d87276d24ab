package dev.ember.conformance;

import static org.assertj.core.api.Assertions.fail;

import dev.ember.conformance.Cases.ProgramCase;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every {@link DataFrameProgram} in the programs package on both engines and compares. */
class ProgramConformanceTest {
    @TestFactory
    Stream<DynamicTest> programs() {
        return Cases.programCases().stream()
                .map(programCase -> DynamicTest.dynamicTest(programCase.name(), () -> check(programCase)));
    }

    private static void check(ProgramCase programCase) {
        DataFrameProgram program = programCase.program();
        Outcome spark = SparkRunner.run(() -> program.spark(Sessions.newSparkSession()));
        if (Boolean.getBoolean("conformance.print")) {
            System.out.println("== Spark: " + programCase.name() + "\n  -> " + Comparison.show(spark));
        }
        Outcome ember = EmberRunner.run(() -> program.ember(Sessions.emberForNewCase()));
        Optional<String> difference = Comparison.compare(spark, ember, program.ordered());
        if (difference.isPresent()) {
            fail(programCase.name() + ": " + difference.get());
        }
    }
}
