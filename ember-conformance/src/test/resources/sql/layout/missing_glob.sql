-- A glob that matches nothing.
CREATE OR REPLACE TEMPORARY VIEW missing USING csv OPTIONS (path '${data}/sales_by_date/year=19*');
