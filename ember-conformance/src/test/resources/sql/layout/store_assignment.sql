-- Store assignment under ANSI: numbers widen and narrow, atomic values become strings, timestamps dates.
DROP TABLE IF EXISTS layout_assign;
CREATE TABLE layout_assign (i INT, s STRING, d DOUBLE, b TINYINT, amt DECIMAL(4, 1), day DATE) USING csv;
INSERT INTO layout_assign SELECT 1, 2, 3, 4, 5, DATE '2024-01-01';
INSERT INTO layout_assign SELECT 2L, 2.5, 1.5F, CAST(7 AS SMALLINT), 12.25, TIMESTAMP '2024-01-02 03:04:05';
INSERT INTO layout_assign VALUES (3, true, 2, 1, 1, NULL);
SELECT * FROM layout_assign ORDER BY i;
