-- A path that does not exist.
CREATE OR REPLACE TEMPORARY VIEW missing USING csv OPTIONS (path '${data}/no_such_directory');
