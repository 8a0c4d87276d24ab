-- An external table over files written by a partitioned CTAS with a LOCATION: dropping it keeps the files.
DROP TABLE IF EXISTS layout_ext;
CREATE TABLE layout_ext USING csv OPTIONS (header 'true') PARTITIONED BY (k) LOCATION '${tmp}/ext' AS SELECT * FROM VALUES (1, 'a/b'), (2, NULL), (3, 'x=y') AS t(id, k);
SELECT * FROM layout_ext ORDER BY id;
DROP TABLE layout_ext;
CREATE OR REPLACE TEMPORARY VIEW ext_files USING csv OPTIONS (path '${tmp}/ext', header 'true', inferSchema 'true');
SELECT * FROM ext_files ORDER BY id;
