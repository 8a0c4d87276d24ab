-- A text file read as one string column named value; words counted with split and explode.
CREATE OR REPLACE TEMPORARY VIEW lines USING text OPTIONS (path '${data}/words.txt');
SELECT * FROM lines;
SELECT count(*), sum(length(value)) FROM lines;
SELECT word, count(*) AS n FROM (SELECT explode(split(value, ' ')) AS word FROM lines) WHERE word <> '' GROUP BY word HAVING count(*) > 1;
