-- Hive-style directories become partition columns after the data columns, typed as Spark infers them; the default partition is NULL.
CREATE OR REPLACE TEMPORARY VIEW sales USING csv OPTIONS (path '${data}/sales_by_date', header 'true', inferSchema 'true');
SELECT * FROM sales ORDER BY id;
SELECT year, count(*), sum(amount) FROM sales GROUP BY year ORDER BY year;
SELECT id FROM sales WHERE year IS NULL;
SELECT month, id FROM sales WHERE year = 2024 AND month > 1 ORDER BY id;
SELECT count(*) FROM sales WHERE year = 2024 OR id = 1;
SELECT year FROM sales WHERE month = 12;
CREATE OR REPLACE TEMPORARY VIEW typed USING csv OPTIONS (path '${data}/typed_partitions');
SELECT * FROM typed ORDER BY _c0;
SELECT _c0 FROM typed WHERE d >= DATE '2024-02-01' AND s IS NULL;
SET spark.sql.sources.partitionColumnTypeInference.enabled = false;
CREATE OR REPLACE TEMPORARY VIEW untyped USING csv OPTIONS (path '${data}/typed_partitions');
SELECT * FROM untyped ORDER BY _c0;
