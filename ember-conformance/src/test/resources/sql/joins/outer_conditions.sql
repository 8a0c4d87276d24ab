-- Outer joins whose ON clause holds conditions on one side only or non-equalities: they restrict matches, not rows.
CREATE OR REPLACE TEMPORARY VIEW l AS SELECT * FROM VALUES (1, 'a'), (2, 'b'), (3, NULL), (NULL, 'n') AS l(k, tag);
CREATE OR REPLACE TEMPORARY VIEW r AS SELECT * FROM VALUES (1, 100), (1, 5), (3, 30), (4, 40), (NULL, 0) AS r(k, v);
SELECT l.k, tag, v FROM l LEFT JOIN r ON l.k = r.k AND r.v > 10 ORDER BY l.k, v;
SELECT l.k, tag, v FROM l LEFT JOIN r ON l.k = r.k AND l.tag = 'a' ORDER BY l.k, v;
SELECT l.k, r.k, v FROM l RIGHT JOIN r ON l.k = r.k AND l.tag IS NOT NULL ORDER BY r.k, v;
SELECT l.k, r.k, tag, v FROM l FULL JOIN r ON l.k = r.k AND v < 50 ORDER BY l.k, r.k, v;
SELECT l.k, tag, v FROM l LEFT JOIN r ON l.k < r.k ORDER BY l.k, v;
SELECT l.k, tag FROM l LEFT SEMI JOIN r ON l.k = r.k AND r.v > 10 ORDER BY l.k;
SELECT l.k, tag FROM l LEFT ANTI JOIN r ON l.k = r.k AND r.v > 10 ORDER BY l.k;
SELECT l.k, tag, v FROM l LEFT JOIN r ON l.k = r.k WHERE v IS NULL ORDER BY l.k;
