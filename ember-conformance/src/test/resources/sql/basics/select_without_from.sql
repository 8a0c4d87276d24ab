-- SELECT without FROM returns one row; names come from the expressions.
SELECT 1;
SELECT 1 AS one, 'two' AS two, 3.0 AS three;
SELECT 1 WHERE 1 = 0;
SELECT 1 WHERE true;
SELECT 'a' AS x, 'b' AS x;
