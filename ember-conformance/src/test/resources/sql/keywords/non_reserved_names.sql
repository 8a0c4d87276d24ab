-- Spark's strict non-reserved keywords (SEMI, ANTI, LEFT, ...) name tables, views and columns, outside table aliases.
CREATE OR REPLACE TEMPORARY VIEW semi AS SELECT 1 AS anti, 2 AS left;
CREATE OR REPLACE TEMPORARY VIEW anti AS SELECT * FROM VALUES (1, 'a'), (3, 'c') AS t(id, name);
CREATE OR REPLACE TEMPORARY VIEW left AS SELECT 1 AS union;
SELECT * FROM semi;
SELECT semi.anti, left FROM semi;
SELECT anti.name FROM anti JOIN semi ON anti.id = semi.anti;
SELECT * FROM anti LEFT ANTI JOIN semi ON anti.id = semi.anti;
SELECT s.left FROM semi AS s;
SELECT * FROM left;
SELECT 1 AS semi, 2 AS union, 3 AS join, 4 AS natural;
SELECT anti FROM semi;
