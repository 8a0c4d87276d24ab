-- A directory with no data files (only a _SUCCESS marker): Parquet cannot infer a schema.
SELECT * FROM parquet.`${data}/only_markers`;
