-- Store assignment under ANSI: widening and int to string are fine, overflow fails at run time.
DROP TABLE IF EXISTS layout_assign;
CREATE TABLE layout_assign (i INT, s STRING, d DOUBLE, b TINYINT, amt DECIMAL(4, 1), day DATE) USING csv;
INSERT INTO layout_assign SELECT 1, 2, 3, 4, 5, DATE '2024-01-01';
INSERT INTO layout_assign SELECT 2L, 2.5, 1.5F, CAST(7 AS SMALLINT), 12.25, TIMESTAMP '2024-01-02 03:04:05';
INSERT INTO layout_assign VALUES (3, true, 2, 1, 1, NULL);
SELECT * FROM layout_assign ORDER BY i;
INSERT INTO layout_assign SELECT 3000000000L, 's', 1, 1, 1, NULL;
INSERT INTO layout_assign SELECT 4, 's', 1, 300, 1, NULL;
INSERT INTO layout_assign SELECT 5, 's', 1, 1, 12345.5, NULL;
SELECT * FROM layout_assign ORDER BY i;
