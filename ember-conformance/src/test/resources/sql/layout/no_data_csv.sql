-- A directory with no data files (only a _SUCCESS marker): CSV cannot infer a schema.
SELECT * FROM csv.`${data}/only_markers`;
