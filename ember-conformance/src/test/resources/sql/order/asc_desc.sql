CREATE OR REPLACE TEMPORARY VIEW people AS SELECT * FROM VALUES
  (1, 'Ann', 34, 'Paris'), (2, 'Bo', NULL, 'Oslo'), (3, 'Cy', 28, NULL),
  (4, 'Di', 34, 'Lima'), (5, 'Ed', 19, 'Oslo'), (6, NULL, 51, 'Rome')
  AS people(id, name, age, city);
-- ORDER BY ascending and descending, on several keys and on expressions.
SELECT id, age FROM people ORDER BY age, id;
SELECT id, age FROM people ORDER BY age DESC, id DESC;
SELECT id, name FROM people ORDER BY length(name) DESC, id ASC;
SELECT id, city FROM people ORDER BY city ASC, id DESC;
SELECT id FROM people ORDER BY -id;
SELECT name, id * 10 AS ten FROM people ORDER BY ten DESC;
