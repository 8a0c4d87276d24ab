-- Generators: explode and posexplode of arrays and maps, the OUTER forms, and size/array_contains with NULLs.
CREATE OR REPLACE TEMPORARY VIEW a AS SELECT * FROM VALUES (1, array(10, 20)), (2, array()), (3, CAST(NULL AS ARRAY<INT>)), (4, array(NULL, 40)) AS a(id, xs);
SELECT id, x FROM a LATERAL VIEW explode(xs) e AS x ORDER BY id, x;
SELECT id, x FROM a LATERAL VIEW OUTER explode(xs) e AS x ORDER BY id, x;
SELECT id, pos, x FROM a LATERAL VIEW posexplode(xs) e AS pos, x ORDER BY id, pos;
SELECT id, explode(xs) AS x FROM a ORDER BY id, x;
SELECT id, size(xs), array_contains(xs, 20), array_contains(xs, 99) FROM a ORDER BY id;
SELECT explode(map('a', 1, 'b', 2));
SELECT k, v FROM (SELECT map('x', 1, 'y', NULL) AS m) LATERAL VIEW explode(m) e AS k, v ORDER BY k;
SELECT id, explode_outer(xs) AS x FROM a ORDER BY id, x;
SELECT id, posexplode_outer(xs) FROM a ORDER BY id, pos;
SELECT id, x, y FROM a LATERAL VIEW explode(xs) e1 AS x LATERAL VIEW OUTER explode(array(x, x + 1)) e2 AS y ORDER BY id, x, y;
SELECT e.x, count(*) FROM a LATERAL VIEW explode(xs) e AS x GROUP BY e.x ORDER BY e.x;
SELECT id, col FROM a LATERAL VIEW OUTER explode(xs) e ORDER BY id, col;
