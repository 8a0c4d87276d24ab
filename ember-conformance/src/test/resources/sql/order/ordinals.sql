CREATE OR REPLACE TEMPORARY VIEW people AS SELECT * FROM VALUES
  (1, 'Ann', 34, 'Paris'), (2, 'Bo', NULL, 'Oslo'), (3, 'Cy', 28, NULL),
  (4, 'Di', 34, 'Lima'), (5, 'Ed', 19, 'Oslo'), (6, NULL, 51, 'Rome')
  AS people(id, name, age, city);
-- ORDER BY 1 means the first select-list item.
SELECT name, id FROM people ORDER BY 2 DESC;
SELECT city, count(*) FROM people GROUP BY city ORDER BY 2 DESC, 1 NULLS LAST;
SELECT age, id FROM people ORDER BY 1 DESC NULLS LAST, 2;
