-- VALUES as a query and as a table, with column aliases.
VALUES (1, 'a'), (2, 'b');
SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(id, name);
SELECT * FROM VALUES 1, 2, 3 AS t(x);
SELECT col1 + 1 FROM VALUES (10), (20);
SELECT * FROM VALUES (1, 2.5), (2, NULL), (3L, 4) AS t(a, b);
SELECT * FROM VALUES ('x', true, DATE '2024-01-01') AS t(s, b, d);
