-- A table or view that does not exist.
SELECT * FROM no_such_table;
