-- Three-valued logic: the full truth tables of AND, OR and NOT.
CREATE OR REPLACE TEMPORARY VIEW b AS SELECT * FROM VALUES (true), (false), (CAST(NULL AS BOOLEAN)) AS b(v);
SELECT l.v AS l, r.v AS r, l.v AND r.v AS and_, l.v OR r.v AS or_ FROM b l CROSS JOIN b r;
SELECT v, NOT v, v IS TRUE, v IS NOT FALSE, v IS UNKNOWN FROM b;
SELECT NULL AND false, NULL OR true, NULL AND true, NULL OR false;
