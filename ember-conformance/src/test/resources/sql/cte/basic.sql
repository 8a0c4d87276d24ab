-- Common table expressions: several, referring to earlier ones, used twice.
WITH t AS (SELECT id, id * id AS sq FROM range(5)) SELECT * FROM t WHERE sq > 3;
WITH a AS (SELECT 1 AS x), b AS (SELECT x + 1 AS y FROM a) SELECT x, y FROM a, b;
WITH t AS (SELECT id FROM range(4)) SELECT l.id, r.id FROM t l JOIN t r ON l.id + 1 = r.id;
WITH t(a, b) AS (SELECT 1, 'one') SELECT b, a FROM t;
WITH t AS (SELECT id FROM range(10)) SELECT count(*), sum(id) FROM t WHERE id % 2 = 0;
