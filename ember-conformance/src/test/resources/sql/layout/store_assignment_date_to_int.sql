-- Nor a date in an int column.
DROP TABLE IF EXISTS layout_assign_date;
CREATE TABLE layout_assign_date (i INT) USING csv;
INSERT INTO layout_assign_date SELECT DATE '2024-01-01';
