-- Under ANSI store assignment a string cannot be stored in an int column.
DROP TABLE IF EXISTS layout_assign_refused;
CREATE TABLE layout_assign_refused (i INT) USING csv;
INSERT INTO layout_assign_refused SELECT '1';
