CREATE OR REPLACE TEMPORARY VIEW people AS SELECT * FROM VALUES
  (1, 'Ann', 34, 'Paris'), (2, 'Bo', NULL, 'Oslo'), (3, 'Cy', 28, NULL),
  (4, 'Di', 34, 'Lima'), (5, 'Ed', 19, 'Oslo'), (6, NULL, 51, 'Rome')
  AS people(id, name, age, city);
-- LIMIT and OFFSET after a total order.
SELECT id FROM people ORDER BY id LIMIT 3;
SELECT id FROM people ORDER BY id LIMIT 3 OFFSET 2;
SELECT id FROM people ORDER BY id OFFSET 4;
SELECT id FROM people ORDER BY id LIMIT 0;
SELECT id FROM people ORDER BY id LIMIT 100;
SELECT count(*) FROM (SELECT * FROM people LIMIT 2);
SELECT id FROM people ORDER BY id DESC LIMIT 2 OFFSET 10;
