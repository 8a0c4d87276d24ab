-- WHERE keeps rows whose condition is true (not NULL, not false).
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, true), (2, false), (3, NULL), (4, true) AS t(id, flag);
SELECT id FROM t WHERE flag;
SELECT id FROM t WHERE NOT flag;
SELECT id FROM t WHERE flag OR id = 3;
SELECT id FROM t WHERE id > 1 AND id < 4;
SELECT id FROM t WHERE CAST(NULL AS BOOLEAN);
SELECT id FROM t WHERE flag IS NULL OR flag = false;
