-- Division and modulo by zero fail under ANSI mode; try_divide returns NULL.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 0), (2, 1) AS t(a, b);
SELECT 1 / 0;
SELECT a / b FROM t;
SELECT a div b FROM t;
SELECT a % b FROM t;
SELECT 1.5 / 0;
SELECT 1.0D / 0;
SELECT try_divide(a, b), try_divide(a, 0), try_divide(1.5, b), try_divide(a, NULL) FROM t;
