-- INSERT OVERWRITE of a static partition replaces only that partition.
DROP TABLE IF EXISTS layout_overwrite_parts;
CREATE TABLE layout_overwrite_parts (id INT, name STRING, region STRING) USING csv PARTITIONED BY (region);
INSERT INTO layout_overwrite_parts VALUES (1, 'one', 'eu'), (2, 'two', 'us'), (3, 'three', 'eu');
INSERT OVERWRITE TABLE layout_overwrite_parts PARTITION (region = 'eu') SELECT 5, 'five';
SELECT * FROM layout_overwrite_parts ORDER BY id;
