CREATE OR REPLACE TEMPORARY VIEW people AS SELECT * FROM VALUES
  (1, 'Ann', 34, 'Paris'), (2, 'Bo', NULL, 'Oslo'), (3, 'Cy', 28, NULL),
  (4, 'Di', 34, 'Lima'), (5, 'Ed', 19, 'Oslo'), (6, NULL, 51, 'Rome')
  AS people(id, name, age, city);
-- NULLs sort first ascending and last descending, unless told otherwise.
SELECT id, age FROM people ORDER BY age ASC, id;
SELECT id, age FROM people ORDER BY age DESC, id;
SELECT id, age FROM people ORDER BY age ASC NULLS LAST, id;
SELECT id, age FROM people ORDER BY age DESC NULLS FIRST, id;
SELECT id, city FROM people ORDER BY city NULLS LAST, id;
