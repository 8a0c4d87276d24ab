-- CREATE OR REPLACE TABLE ... AS SELECT over a file-source table.
DROP TABLE IF EXISTS layout_replaced_as;
CREATE OR REPLACE TABLE layout_replaced_as USING csv AS SELECT 1 AS a;
