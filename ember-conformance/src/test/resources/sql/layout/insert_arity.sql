-- Inserting the wrong number of columns.
DROP TABLE IF EXISTS layout_arity;
CREATE TABLE layout_arity (a INT, b STRING) USING csv LOCATION '${tmp}/arity';
INSERT INTO layout_arity SELECT 1;
