-- try_cast answers NULL where CAST fails, row by row, and the value elsewhere.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES ('1'), ('two'), (NULL), ('2147483648'), (' 3 ') AS t(s);
SELECT s, try_cast(s AS INT), try_cast(s AS BIGINT), try_cast(s AS DOUBLE) FROM t;
SELECT try_cast(300 AS TINYINT), try_cast(2147483648L AS INT), try_cast(123.45 AS DECIMAL(3,1)), try_cast(1e10 AS INT), try_cast('1.5' AS DECIMAL(2,1));
SELECT try_cast('2024-02-30' AS DATE), try_cast('2024-02-28' AS DATE), try_cast('yes' AS BOOLEAN), try_cast('maybe' AS BOOLEAN);
SELECT count(try_cast(s AS INT)), sum(try_cast(s AS INT)) FROM t;
