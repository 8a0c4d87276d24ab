-- + - * on ints, bigints and doubles; mixing widens to the larger type.
SELECT 1 + 2, 5 - 7, 6 * 7, 2 * -3;
SELECT 1 + 2L, 3L * 4, 2147483647L + 1;
SELECT 1 + 1.5D, 2.5D * 2, 10D - 0.5D;
SELECT 1 + NULL, NULL * 2, 1.5D - NULL;
CREATE OR REPLACE TEMPORARY VIEW nums AS SELECT * FROM VALUES (1, 10L, 1.5D), (2, 20L, 2.5D), (3, NULL, NULL) AS nums(i, l, d);
SELECT i, i + l, i * d, l - i, d * d FROM nums ORDER BY i;
