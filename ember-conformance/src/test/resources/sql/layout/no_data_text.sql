-- A directory with no data files: text has its one column, and no rows.
SELECT count(*) FROM text.`${data}/only_markers`;
SELECT * FROM text.`${data}/only_markers`;
