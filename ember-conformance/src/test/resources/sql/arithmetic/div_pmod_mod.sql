-- div (integral division, bigint result), pmod (non-negative for a positive divisor) and mod (as %).
SELECT 7 div 2, -7 div 2, 7 div -2, 7.5 div 2, 7.9 div 0.5, typeof(7 div 2), typeof(7.5 div 2), div(9, 4);
SELECT pmod(-7, 3), pmod(7, -3), pmod(-7, -3), pmod(7.5, 2), pmod(-7.5, 2), pmod(-7L, 3L), pmod(-7.5D, 2), typeof(pmod(7.5, 2));
SELECT mod(7, 3), mod(-7, 3), mod(7.5, 2), mod(-7L, 3), typeof(mod(7.5, 2));
CREATE OR REPLACE TEMPORARY VIEW n AS SELECT * FROM VALUES (-7, 3), (7, -3), (NULL, 3), (8, 4) AS n(a, b);
SELECT a, b, a div b, pmod(a, b), mod(a, b), a % b FROM n ORDER BY b, a;
SELECT 7 div 0;
SELECT pmod(7, 0);
SELECT CAST(-9223372036854775808 AS BIGINT) div -1;
