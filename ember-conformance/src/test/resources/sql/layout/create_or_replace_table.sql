-- CREATE OR REPLACE TABLE over a file-source table.
DROP TABLE IF EXISTS layout_replaced;
CREATE TABLE layout_replaced (a INT) USING csv;
CREATE OR REPLACE TABLE layout_replaced (b STRING) USING csv;
