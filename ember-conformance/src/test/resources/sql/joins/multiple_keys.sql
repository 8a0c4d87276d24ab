-- Joins on several keys at once, including keys of different types.
CREATE OR REPLACE TEMPORARY VIEW s AS SELECT * FROM VALUES (2024, 1, 'a', 10), (2024, 2, 'a', 20), (2023, 1, 'b', 30), (2024, 1, 'b', 40) AS s(y, m, cat, amount);
CREATE OR REPLACE TEMPORARY VIEW g AS SELECT * FROM VALUES (2024L, 1, 'a', 'goal-a1'), (2024L, 1, 'b', 'goal-b1'), (2023L, 2, 'b', 'goal-b2') AS g(y, m, cat, goal);
SELECT s.y, s.m, s.cat, amount, goal FROM s JOIN g ON s.y = g.y AND s.m = g.m AND s.cat = g.cat;
SELECT s.y, s.m, s.cat, amount, goal FROM s LEFT JOIN g ON s.y = g.y AND s.m = g.m AND s.cat = g.cat;
SELECT * FROM s JOIN g USING (y, m, cat);
