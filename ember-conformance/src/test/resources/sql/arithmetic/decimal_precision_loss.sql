-- Decimal results beyond 38 digits keep their integral digits and give up scale, down to 6 (allowPrecisionLoss).
SELECT CAST(1 AS DECIMAL(38,0)) / 3, CAST(10 AS DECIMAL(38,10)) * CAST(10 AS DECIMAL(38,10)), CAST(1 AS DECIMAL(38,30)) + CAST(1 AS DECIMAL(38,30));
SELECT CAST(10 AS DECIMAL(20,2)) % CAST(3 AS DECIMAL(5,4)), CAST(2 AS DECIMAL(38,2)) / CAST(3 AS DECIMAL(38,2)), CAST(1 AS DECIMAL(38,36)) * 2;
SELECT typeof(CAST(1 AS DECIMAL(38,0)) / 3), typeof(CAST(1 AS DECIMAL(30,20)) * CAST(1 AS DECIMAL(30,20))), typeof(CAST(1 AS DECIMAL(38,36)) * 2);
-- Integer literals take only the digits they have; columns and tinyint literals the digits of their type.
SELECT typeof(1.5 * 2), typeof(2 * 1.5), typeof(CAST(2 AS INT) * 1.5), typeof(1Y + 1.5), typeof(1S + 1.5), typeof(12345678901L * 0.5), typeof(CAST(1 AS BIGINT) + 1.5);
CREATE OR REPLACE TEMPORARY VIEW d AS SELECT * FROM VALUES (CAST(2.50 AS DECIMAL(5,2)), 3, 4L) AS d(x, i, l);
SELECT x + i, x * l, x / i, i / x, x % i, typeof(x + i), typeof(x * l), typeof(x / i), typeof(i / x), typeof(x % i) FROM d;
SELECT CAST(123456789012345678901234567890.12 AS DECIMAL(32,2)) / CAST(0.0000001 AS DECIMAL(10,7));
SELECT CAST(99999999999999999999999999999999999999 AS DECIMAL(38,0)) + 1;
