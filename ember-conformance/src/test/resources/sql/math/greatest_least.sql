-- greatest and least skip NULLs and widen to a common type.
SELECT greatest(1, 5, 3), least(1, 5, 3), greatest(1, 2.5), least(1L, 2, 0.5D);
SELECT greatest(1, NULL, 3), least(NULL, 2), greatest(NULL, NULL), greatest('apple', 'banana');
SELECT greatest(DATE '2024-01-01', DATE '2023-12-31'), least(true, false);
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 4, 2), (NULL, 3, 9), (5, NULL, NULL) AS t(a, b, c);
SELECT a, b, c, greatest(a, b, c), least(a, b, c) FROM t;
