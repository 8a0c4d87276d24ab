-- tinyint and smallint arithmetic keeps the type; leaving its range is an error under ANSI mode.
SELECT 1Y + 1Y, 100S * 3S, -(1Y), 7Y % 3Y, 7S div 2S, 7Y / 2Y, typeof(1Y + 1Y), typeof(1S * 2S), typeof(-(1Y)), typeof(1Y + 1S), typeof(1Y + 1), typeof(7Y / 2Y);
CREATE OR REPLACE TEMPORARY VIEW s AS SELECT * FROM VALUES (CAST(100 AS TINYINT), CAST(30000 AS SMALLINT)), (CAST(NULL AS TINYINT), CAST(-1 AS SMALLINT)) AS s(b, h);
SELECT b, h, b + 1Y, h - 1S, b * 3S, typeof(b * 3S), typeof(b + h) FROM s ORDER BY h;
SELECT b, h, b + 27Y, h + 2767S FROM s ORDER BY h;
SELECT sum(b), sum(h), avg(b), max(b), min(h), typeof(sum(b)), typeof(max(b)) FROM s;
SELECT 127Y + 1Y;
SELECT 30000S + 30000S;
SELECT b + 28Y FROM s;
