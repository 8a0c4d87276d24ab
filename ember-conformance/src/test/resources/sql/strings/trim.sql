-- trim, ltrim, rtrim remove spaces only (by default), or the given characters.
-- Two-argument ltrim/rtrim take the characters to remove FIRST: ltrim(trimChars, str).
SELECT concat('[', trim('  a b  '), ']'), concat('[', ltrim('  a b  '), ']'), concat('[', rtrim('  a b  '), ']');
SELECT trim(BOTH 'x' FROM 'xxaxbxx'), trim(LEADING 'x' FROM 'xxaxx'), trim(TRAILING 'x' FROM 'xxaxx');
SELECT length(trim('\t a \t')), trim(''), trim(NULL), ltrim('xyxa', 'xy'), ltrim('xy', 'xyxa'), rtrim('x', 'axx');
