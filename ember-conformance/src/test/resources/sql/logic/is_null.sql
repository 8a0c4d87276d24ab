-- IS NULL, IS NOT NULL, isnull, isnotnull.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a'), (2, NULL), (NULL, 'c'), (NULL, NULL) AS t(id, name);
SELECT id, name, id IS NULL, name IS NOT NULL, isnull(id), isnotnull(name) FROM t;
SELECT count(*) FROM t WHERE id IS NULL AND name IS NULL;
SELECT id FROM t WHERE name IS NOT NULL;
SELECT NULL IS NULL, 1 IS NULL, NULL IS NOT NULL;
