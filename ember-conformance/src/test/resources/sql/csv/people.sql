-- A CSV file with a header, read with schema inference; empty fields are NULL.
CREATE OR REPLACE TEMPORARY VIEW people USING csv OPTIONS (path '${data}/people.csv', header 'true', inferSchema 'true');
SELECT * FROM people;
SELECT count(*), count(age), count(city), avg(age), min(age), max(age) FROM people;
SELECT city, count(*) AS n, avg(age) FROM people GROUP BY city ORDER BY n DESC, city NULLS FIRST;
SELECT name FROM people WHERE age > 40 ORDER BY name;
SELECT id, name FROM people WHERE city IS NULL OR age IS NULL ORDER BY id;
