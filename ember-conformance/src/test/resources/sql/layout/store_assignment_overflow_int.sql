-- An int column overflowing: the insert fails at run time, naming the column.
DROP TABLE IF EXISTS layout_overflow_int;
CREATE TABLE layout_overflow_int (i INT, s STRING, d DOUBLE, b TINYINT, amt DECIMAL(4, 1), day DATE) USING csv;
INSERT INTO layout_overflow_int SELECT 3000000000L, 's', 1, 1, 1, NULL;
