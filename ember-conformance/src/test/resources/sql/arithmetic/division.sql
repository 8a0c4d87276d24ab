-- / always divides as double (or decimal); div is integral division.
SELECT 1 / 2, 7 / 2, -7 / 2, 6 / 3;
SELECT 7 div 2, -7 div 2, 7L div 2L;
SELECT 1.0 / 3, 1 / 3.0D, 10 / 4L;
SELECT 1 / NULL, NULL / 2;
CREATE OR REPLACE TEMPORARY VIEW d AS SELECT * FROM VALUES (7, 2), (9, 3), (-5, 2), (1, NULL) AS d(a, b);
SELECT a, b, a / b, a div b FROM d ORDER BY a;
