package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** createDataFrame(rdd, beanClass): a column per bean property, in alphabetical order, typed from the getters. */
public final class BeanDataFrameProgram implements DataFrameProgram {
    /** A bean whose properties are declared out of alphabetical order. */
    public static final class Person implements Serializable {
        private String name;
        private int age;
        private Double score;
        private boolean active;

        public Person() {
        }

        Person(String name, int age, Double score, boolean active) {
            this.name = name;
            this.age = age;
            this.score = score;
            this.active = active;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getAge() {
            return age;
        }

        public void setAge(int age) {
            this.age = age;
        }

        public Double getScore() {
            return score;
        }

        public void setScore(Double score) {
            this.score = score;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }
    }

    private static final List<Person> PEOPLE = List.of(new Person("ann", 31, 4.5, true), new Person("bob", 27, null, false),
            new Person(null, 40, 1.0, true));

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return spark.createDataFrame(sc.parallelize(PEOPLE, 2), Person.class).selectExpr("*", "age + 1 AS next_age");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        return ember.createDataFrame(ember.context().parallelize(PEOPLE, 2), Person.class).selectExpr("*", "age + 1 AS next_age");
    }
}
