-- upper, lower, length (in characters), with NULL and non-ASCII text.
SELECT upper('Hello'), lower('Hello'), upper(''), lower(NULL);
SELECT length('hello'), length(''), length('héllo wörld'), length(NULL), char_length('abc');
SELECT upper('straße'), lower('ÉCOLE'), upper('abc123_x');
SELECT length('  padded  '), octet_length('héllo');
