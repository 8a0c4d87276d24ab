-- Several sort keys with mixed directions, NULL placement, NaN and negative zero among doubles, and strings by bytes.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'b', 2.0D), (2, 'a', NULL), (3, 'b', CAST('NaN' AS DOUBLE)), (4, NULL, -1.0D), (5, 'a', 2.0D), (6, 'B', 0.0D), (7, 'é', -0.0D) AS t(id, s, d);
SELECT id FROM t ORDER BY s ASC NULLS LAST, d DESC NULLS FIRST, id;
SELECT id FROM t ORDER BY d ASC, id DESC;
SELECT id FROM t ORDER BY d DESC NULLS LAST, id;
SELECT s, count(*) FROM t GROUP BY s ORDER BY s DESC;
SELECT id, s FROM t ORDER BY length(s) DESC NULLS LAST, s, id LIMIT 4;
SELECT max(d), min(d), max(s), min(s) FROM t;
