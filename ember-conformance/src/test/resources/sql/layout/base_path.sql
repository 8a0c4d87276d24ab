-- Reading a partition directory: columns above it appear only with basePath; recursiveFileLookup turns discovery off.
CREATE OR REPLACE TEMPORARY VIEW one_year USING csv OPTIONS (path '${data}/sales_by_date/year=2024', header 'true');
SELECT * FROM one_year ORDER BY id;
CREATE OR REPLACE TEMPORARY VIEW with_base USING csv OPTIONS (path '${data}/sales_by_date/year=2024', header 'true', basePath '${data}/sales_by_date');
SELECT * FROM with_base ORDER BY id;
CREATE OR REPLACE TEMPORARY VIEW flat USING csv OPTIONS (path '${data}/sales_by_date', header 'true', recursiveFileLookup 'true');
SELECT * FROM flat ORDER BY id;
