-- FAILFAST fails schema inference at the first malformed line.
CREATE OR REPLACE TEMPORARY VIEW f USING json OPTIONS (path '${data}/json/malformed.json', mode 'FAILFAST');
