-- JSON lines with schema inference: fields sorted by name, integers bigint, nested structs and arrays, empty objects dropped.
CREATE OR REPLACE TEMPORARY VIEW people USING json OPTIONS (path '${data}/json/people.json');
SELECT * FROM people;
SELECT name, age + 1, tags, address FROM people WHERE active ORDER BY name;
SELECT count(*), count(age), count(nums), sum(score) FROM people;
SELECT * FROM json.`${data}/json/people.json`;
