-- approx_count_distinct hashes structs as Spark does.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT named_struct('a', id % 7, 'b', CAST(id % 3 AS STRING)) AS s FROM range(100);
SELECT approx_count_distinct(s) FROM t;
