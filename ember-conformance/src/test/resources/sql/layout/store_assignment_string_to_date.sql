-- Nor a string in a date column.
DROP TABLE IF EXISTS layout_assign_sdate;
CREATE TABLE layout_assign_sdate (day DATE) USING csv;
INSERT INTO layout_assign_sdate SELECT '2024-01-01';
