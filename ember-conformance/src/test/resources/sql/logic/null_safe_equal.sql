-- <=> treats NULL as a value: it is never NULL itself.
SELECT 1 <=> 1, 1 <=> 2, 1 <=> NULL, NULL <=> NULL;
SELECT NOT (NULL <=> 1), equal_null(NULL, NULL);
CREATE OR REPLACE TEMPORARY VIEW p AS SELECT * FROM VALUES (1, 1), (1, NULL), (NULL, NULL), (2, 3) AS p(a, b);
SELECT a, b, a = b, a <=> b FROM p;
SELECT count(*) FROM p WHERE a <=> b;
