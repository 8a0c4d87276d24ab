-- Type widening across records: bigint and double meet at double, anything and string at string, a struct beside a primitive is a string; empty arrays and nulls become strings.
CREATE OR REPLACE TEMPORARY VIEW c USING json OPTIONS (path '${data}/json/conflicts.json');
SELECT * FROM c;
CREATE OR REPLACE TEMPORARY VIEW c2 USING json OPTIONS (path '${data}/json/conflicts.json', dropFieldIfAllNull 'true', prefersDecimal 'true');
SELECT * FROM c2;
CREATE OR REPLACE TEMPORARY VIEW c3 USING json OPTIONS (path '${data}/json/conflicts.json', primitivesAsString 'true');
SELECT * FROM c3;
CREATE OR REPLACE TEMPORARY VIEW sampled USING json OPTIONS (path '${data}/json/uniform.json', samplingRatio '0.5');
SELECT * FROM sampled;
