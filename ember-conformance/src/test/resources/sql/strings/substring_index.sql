-- substring_index: counts from the left and the right, overlapping delimiters, missing delimiters, NULLs.
SELECT substring_index('www.apache.org', '.', 2), substring_index('www.apache.org', '.', -2), substring_index('www.apache.org', '.', 0), substring_index('www.apache.org', '', 1);
SELECT substring_index('a.b', '.', 5), substring_index('a.b', '.', -5), substring_index('aaaa', 'aa', 2), substring_index('aaaa', 'aa', -2);
SELECT substring_index(NULL, '.', 1), substring_index('a.b', NULL, 1), substring_index('a.b', '.', NULL), substring_index('.a.', '.', 1), substring_index('.a.', '.', -1);
SELECT substring_index('héllo→wörld→!', '→', 1), substring_index('héllo→wörld→!', '→', -2), substring_index(12.345, '.', 1);
