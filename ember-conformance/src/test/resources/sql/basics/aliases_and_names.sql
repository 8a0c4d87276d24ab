-- Output column names: aliases, qualified names, expressions and backquoted names.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a') AS t(id, name);
SELECT id, t.name, id AS ident, id + 1, name || '!' FROM t;
SELECT `id` AS `my col`, id AS `select` FROM t;
SELECT ID, NAME FROM t;
SELECT t.* FROM t;
SELECT x.id FROM t AS x;
SELECT upper(name) u, length(name) AS len FROM t;
