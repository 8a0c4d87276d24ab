-- Casts from strings under ANSI: surrounding spaces are trimmed, valid forms convert, and try_cast returns NULL where CAST would fail.
SELECT CAST(' 42 ' AS INT), CAST('-0' AS INT), CAST('1e3' AS DOUBLE), CAST(' 12.50 ' AS DECIMAL(5, 2)), CAST('true' AS BOOLEAN), CAST(' F ' AS BOOLEAN);
SELECT try_cast('4x2' AS INT), try_cast('99999999999' AS INT), try_cast('2024-02-30' AS DATE), try_cast('' AS DOUBLE), try_cast('maybe' AS BOOLEAN);
SELECT CAST(127 AS TINYINT), CAST(-32768 AS SMALLINT), CAST(3.99 AS INT), CAST(-3.99 AS INT), CAST(1.5D AS BIGINT);
SELECT CAST(12345.678 AS DECIMAL(7, 2)), CAST(2.5 AS STRING), CAST(1.0E10 AS STRING), CAST(CAST(0.1 AS FLOAT) AS DOUBLE);
SELECT CAST('4x2' AS INT);
