-- Nor an alias without AS.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT 1 AS a;
SELECT anti.a FROM t anti;
