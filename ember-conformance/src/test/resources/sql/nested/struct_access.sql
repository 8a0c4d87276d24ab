-- Field access: s.a, t.s.a, s['a'], expr.field, s.*, nested structs, NULL structs.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT id, named_struct('a', id * 10, 'b', name, 'c', named_struct('d', id + 100)) AS s
  FROM VALUES (1, 'x'), (2, NULL), (3, 'z') AS v(id, name);
CREATE OR REPLACE TEMPORARY VIEW n AS SELECT id, CASE WHEN id = 2 THEN NULL ELSE named_struct('a', id, 'b', 'q') END AS s
  FROM VALUES (1), (2), (3) AS v(id);
SELECT s.a, s.b FROM t;
SELECT t.s.a, s.c.d FROM t;
SELECT s['b'], s.c['d'] FROM t;
SELECT s.a + 1, upper(s.b) FROM t;
SELECT s.* FROM t;
SELECT id, s.c.* FROM t;
SELECT named_struct('p', id, 'q', 2).p AS p FROM t;
SELECT id, s.a, s.b FROM n;
SELECT id FROM t WHERE s.a > 10;
SELECT s.A FROM t;
