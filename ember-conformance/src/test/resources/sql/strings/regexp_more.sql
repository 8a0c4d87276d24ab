-- regexp_extract_all, regexp_replace with a position, NULL arguments, group references.
SELECT regexp_extract_all('a1b22c333', '([0-9]+)'), regexp_extract_all('a1b22', '[a-z]([0-9]+)', 1), regexp_extract_all('ab', 'c'), regexp_extract_all(NULL, 'a');
SELECT regexp_replace('a.b', '.', 'X'), regexp_replace('abc', 'b', NULL), regexp_replace('abc', NULL, 'x'), regexp_replace('ab', 'b', '\\$1');
SELECT regexp_replace('abcabc', 'b', 'X', 4), regexp_replace('abc', '^', '>', 2), regexp_replace('abc', 'c', 'X', 3), regexp_replace('abc', 'x', 'y', 10);
SELECT regexp_extract('a-b', '(a)|(b)', 2), regexp_extract('xyz', 'y', 0), regexp_like('abc', '^a'), rlike('abc', 'z'), regexp('abc', 'b');
CREATE OR REPLACE TEMPORARY VIEW w AS SELECT * FROM VALUES ('a1', '[0-9]'), ('b', '[a-z]'), (NULL, 'a'), ('c3', NULL) AS w(s, r);
SELECT s, r, s RLIKE r, regexp_replace(s, r, '#'), regexp_extract(s, r, 0) FROM w;
