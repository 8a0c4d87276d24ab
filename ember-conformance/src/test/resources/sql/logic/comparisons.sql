-- Comparisons across types and with NULL.
SELECT 1 = 1, 1 <> 2, 1 != 1, 1 < 2, 2 <= 2, 3 > 4, 4 >= 4;
SELECT 1 = 1.0, 1 = 1L, 1.5 > 1 AS decimal_gt_int, 'a' < 'b', 'B' < 'a', 'abc' = 'abc';
SELECT 1 = NULL, NULL = NULL, NULL <> 1, NULL < 1;
SELECT DATE '2024-01-01' < DATE '2024-01-02', true > false;
SELECT 2 BETWEEN 1 AND 3, 5 BETWEEN 1 AND 3, 2 NOT BETWEEN 1 AND 3, NULL BETWEEN 1 AND 3;
