-- INSERT with a column list and with a static partition value.
DROP TABLE IF EXISTS layout_cols;
DROP TABLE IF EXISTS layout_parts;
CREATE TABLE layout_cols (a INT, b STRING, c DOUBLE) USING csv;
INSERT INTO layout_cols (c, a, b) SELECT 1.5, 1, 'x';
INSERT INTO layout_cols (b, c, a) VALUES ('y', 2.5, 2);
INSERT INTO layout_cols (a, b, c) SELECT 3, 'z', 3.5;
SELECT * FROM layout_cols ORDER BY a;
CREATE TABLE layout_parts (id INT, name STRING, region STRING) USING csv PARTITIONED BY (region);
INSERT INTO layout_parts PARTITION (region = 'eu') SELECT 1, 'one';
INSERT INTO layout_parts PARTITION (region = 'us') VALUES (2, 'two');
INSERT INTO layout_parts PARTITION (region) SELECT 3, 'three', 'ap';
INSERT INTO layout_parts PARTITION (region = 'eu') (name, id) SELECT 'four', 4;
SELECT * FROM layout_parts ORDER BY id;
