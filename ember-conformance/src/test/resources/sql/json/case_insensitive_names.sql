-- Field names that differ only in case in different records are one column, named as first seen; values are read by the exact name.
CREATE OR REPLACE TEMPORARY VIEW names USING json OPTIONS (path '${data}/json/dup2.json');
SELECT * FROM names;
