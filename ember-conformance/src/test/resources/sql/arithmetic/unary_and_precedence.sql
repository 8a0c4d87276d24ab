-- Unary minus and plus, and operator precedence.
SELECT -5, - -5, +5, -(2 + 3), -1.5, -2.5D;
SELECT 2 + 3 * 4, (2 + 3) * 4, 10 - 4 - 3, 2 * 3 % 4, 8 / 2 * 4;
SELECT -2 * 3 + 1, 1 + 2 = 3, NOT 1 + 1 = 3;
CREATE OR REPLACE TEMPORARY VIEW v AS SELECT * FROM VALUES (1), (-2), (NULL) AS v(x);
SELECT x, -x, x * -1 FROM v ORDER BY x;
