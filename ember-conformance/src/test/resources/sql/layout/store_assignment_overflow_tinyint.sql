-- A tinyint column overflowing: the insert fails at run time, naming the column.
DROP TABLE IF EXISTS layout_overflow_tinyint;
CREATE TABLE layout_overflow_tinyint (i INT, s STRING, d DOUBLE, b TINYINT, amt DECIMAL(4, 1), day DATE) USING csv;
INSERT INTO layout_overflow_tinyint SELECT 4, 's', 1, 300, 1, NULL;
