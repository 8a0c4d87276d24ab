-- Implicit casts between int, bigint, decimal, double and string in arithmetic and comparisons.
SELECT 1 + 1L, 1 + 1.5, 1L + 1.5D, 1.5 + 1.5D, '1' + 1, 2 * '3', '6' / 4, '1.5' + 1.5D, '2' + 1.5;
SELECT typeof(1 + 1L), typeof(1 + 1.5), typeof(1L + 1.5D), typeof(1.5 + 1.5D), typeof('1' + 1), typeof('1.5' + 1.5D), typeof('2' + 1.5), typeof(1 + CAST(1 AS SMALLINT));
SELECT '10' > 9, '10' > '9', 1 = 1.0, 1.5 = 1.50, 3 * 0.1 = 0.3, 1L = 1.0D, 2 < 2.5D, '1.5' = 1.5, '3000000000' > 1;
SELECT coalesce(1, 2.5), coalesce(1L, 2.5D), typeof(coalesce(1, 2.5)), typeof(coalesce(1L, 2.5D)), typeof(CASE WHEN true THEN 1 ELSE 1.25 END);
SELECT x, typeof(x) FROM (SELECT 1 AS x UNION ALL SELECT 2.75 UNION ALL SELECT 3L) ORDER BY x;
SELECT '1.5' * 2;
SELECT 'x' + 1;
