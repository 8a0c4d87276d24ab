CREATE OR REPLACE TEMPORARY VIEW s AS SELECT * FROM VALUES ('a', 1, 10), ('a', 2, 20) AS s(k, id, v);
-- A frame whose lower bound comes after its upper bound is refused.
SELECT sum(v) OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 1 PRECEDING) FROM s;
