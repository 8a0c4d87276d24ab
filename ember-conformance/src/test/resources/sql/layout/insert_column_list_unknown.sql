-- A column list naming a column the table does not have.
DROP TABLE IF EXISTS layout_cols_unknown;
CREATE TABLE layout_cols_unknown (a INT, b STRING) USING csv;
INSERT INTO layout_cols_unknown (a, z) SELECT 1, 'x';
