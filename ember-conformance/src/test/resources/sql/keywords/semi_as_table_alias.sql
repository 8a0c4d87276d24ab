-- A strict non-reserved keyword cannot be a table alias.
SELECT * FROM VALUES (1) AS semi(a);
