-- Malformed strings fail the cast under ANSI mode; try_cast returns NULL instead.
SELECT CAST('abc' AS INT);
SELECT CAST('1.5' AS INT);
SELECT CAST('' AS BIGINT);
SELECT CAST('maybe' AS BOOLEAN);
SELECT CAST('2024-02-30' AS DATE);
SELECT CAST('12x' AS DOUBLE);
SELECT try_cast('abc' AS INT), try_cast('2024-02-30' AS DATE), try_cast('7' AS INT);
