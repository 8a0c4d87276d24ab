-- INSERT OVERWRITE DIRECTORY writes the query's rows as files that read back alike; a second run replaces them.
INSERT OVERWRITE DIRECTORY '${tmp}/out' USING csv OPTIONS (header 'true') SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(id, name);
CREATE OR REPLACE TEMPORARY VIEW written USING csv OPTIONS (path '${tmp}/out', header 'true', inferSchema 'true');
SELECT * FROM written ORDER BY id;
INSERT OVERWRITE LOCAL DIRECTORY '${tmp}/out2' USING csv SELECT 1 AS id;
INSERT OVERWRITE LOCAL DIRECTORY '${tmp}/out2' USING csv OPTIONS (header 'true') SELECT 3 AS id, 'c' AS name;
CREATE OR REPLACE TEMPORARY VIEW rewritten USING csv OPTIONS (path '${tmp}/out2', header 'true', inferSchema 'true');
SELECT * FROM rewritten;
