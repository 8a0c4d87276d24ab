-- A glob matching two partition directories: each is a root, and their partitions sit under different bases.
CREATE OR REPLACE TEMPORARY VIEW years USING csv OPTIONS (path '${data}/sales_by_date/year=202{3,4}', header 'true');
