-- A decimal column overflowing: the insert fails at run time, naming the column.
DROP TABLE IF EXISTS layout_overflow_decimal;
CREATE TABLE layout_overflow_decimal (i INT, s STRING, d DOUBLE, b TINYINT, amt DECIMAL(4, 1), day DATE) USING csv;
INSERT INTO layout_overflow_decimal SELECT 5, 's', 1, 1, 12345.5, NULL;
