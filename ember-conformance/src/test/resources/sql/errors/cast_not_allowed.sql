-- A cast Spark does not allow under ANSI mode is an analysis error.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (DATE '2024-01-02') AS t(d);
SELECT CAST(d AS INT) FROM t;
