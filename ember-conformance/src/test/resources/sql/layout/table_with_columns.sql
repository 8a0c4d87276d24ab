-- A table with declared columns: partition columns move last; inserts cast by position; DESCRIBE shows the partitioning.
DROP TABLE IF EXISTS layout_events;
CREATE TABLE layout_events (day DATE, kind STRING, n INT) USING csv PARTITIONED BY (day);
DESCRIBE TABLE layout_events;
INSERT INTO layout_events VALUES ('click', 1, DATE '2024-01-05'), ('view', 2, DATE '2024-01-06');
INSERT INTO layout_events SELECT 'click', 3L, DATE '2024-01-05';
SELECT * FROM layout_events ORDER BY n;
SELECT day, sum(n) FROM layout_events WHERE day = DATE '2024-01-05' GROUP BY day;
CREATE TABLE IF NOT EXISTS layout_events (x INT) USING csv;
