-- A column list that leaves out a column: the others are NULL
DROP TABLE IF EXISTS layout_cols_missing;
CREATE TABLE layout_cols_missing (a INT, b STRING) USING csv;
INSERT INTO layout_cols_missing (b) SELECT 'x';
SELECT * FROM layout_cols_missing;
