-- regexp_replace and regexp_extract (Java regular expressions; group 0 is the whole match).
SELECT regexp_replace('2024-01-02', '-', '/'), regexp_replace('abc123def45', '[0-9]+', '#'), regexp_replace('aaa', 'a*', 'X');
SELECT regexp_replace('John Smith', '(\\w+) (\\w+)', '$2, $1'), regexp_replace(NULL, 'a', 'b');
SELECT regexp_extract('abc123def', '([a-z]+)([0-9]+)', 1), regexp_extract('abc123def', '([a-z]+)([0-9]+)', 2), regexp_extract('abc123def', '[0-9]+', 0);
SELECT regexp_extract('no digits', '([0-9]+)', 1), regexp_extract('k=v', '(\\w)=(\\w)'), regexp_extract(NULL, 'a', 0);
