CREATE OR REPLACE TEMPORARY VIEW people AS SELECT * FROM VALUES
  (1, 'Ann', 34, 'Paris'), (2, 'Bo', NULL, 'Oslo'), (3, 'Cy', 28, NULL),
  (4, 'Di', 34, 'Lima'), (5, 'Ed', 19, 'Oslo'), (6, NULL, 51, 'Rome')
  AS people(id, name, age, city);
-- DISTINCT over one and several columns; NULLs are equal to each other here.
SELECT DISTINCT age FROM people;
SELECT DISTINCT city FROM people ORDER BY city;
SELECT DISTINCT age, city FROM people;
SELECT DISTINCT age IS NULL FROM people;
SELECT DISTINCT * FROM VALUES (1, 'a'), (1, 'a'), (1, NULL), (1, NULL), (NULL, NULL) AS t(x, y);
SELECT count(DISTINCT age), count(DISTINCT city) FROM people;
