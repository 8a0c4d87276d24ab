-- An invalid regular expression, and a group index the regex does not have, are runtime errors.
SELECT regexp_extract('abc', '(a)', 2);
SELECT regexp_replace('abc', '(', 'x');
SELECT 'abc' RLIKE '(';
SELECT regexp_extract('abc', '(a)', -1);
SELECT regexp_extract_all('abc', '(a)', 3);
