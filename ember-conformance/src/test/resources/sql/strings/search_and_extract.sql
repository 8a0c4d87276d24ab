-- String search and extraction with NULLs, empty strings and out-of-range positions.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES ('hello world'), (''), (NULL), ('a,b,,c') AS t(s);
SELECT s, instr(s, 'o'), locate('o', s, 6), position('l' IN s), left(s, 3), right(s, 3) FROM t ORDER BY s;
SELECT s, split(s, ','), split(s, ',', 2), size(split(s, ',')) FROM t ORDER BY s;
SELECT s, regexp_extract(s, '(\\w+) (\\w+)', 2), regexp_extract(s, 'x(y)?', 0), regexp_replace(s, '[aeiou]', '*') FROM t ORDER BY s;
SELECT s, substring(s, -5), substring(s, 0, 2), substring(s, 20), substring_index(s, ',', 2), substring_index(s, ',', -1) FROM t ORDER BY s;
SELECT s, concat_ws('-', s, NULL, 'z'), concat(s, NULL), repeat(s, 2), reverse(s), initcap(s) FROM t ORDER BY s;
SELECT s, s LIKE '%o_w%', s LIKE '', s RLIKE '^a', startswith(s, 'he'), endswith(s, 'c'), contains(s, ',,') FROM t ORDER BY s;
