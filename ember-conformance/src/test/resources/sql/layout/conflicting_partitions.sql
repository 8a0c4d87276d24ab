-- Directories at one level with different partition column names.
CREATE OR REPLACE TEMPORARY VIEW conflicting USING csv OPTIONS (path '${data}/conflicting_partitions');
