-- repeat, ascii, chr, translate, initcap, reverse, startswith/endswith/contains, octet and bit length, aliases.
SELECT repeat('ab', 3), repeat('ab', 0), ascii('A'), ascii(''), chr(65), char(321), chr(-1), translate('abcde', 'bd', 'X'), initcap('hello wORLD  x'), reverse('abc');
SELECT startswith('hello', 'he'), endswith('hello', 'lo'), contains('hello', 'ell'), contains('a', ''), startswith(NULL, 'a'), endswith('a', 'ab');
SELECT repeat('ab', NULL), chr(NULL), ascii(NULL), translate(NULL, 'a', 'b'), translate('aaa', 'a', ''), translate('abc', 'aa', 'xy'), initcap(NULL);
SELECT octet_length('héllo'), bit_length('ab'), substr('hello', 2), char_length('héllo'), character_length('ab'), ucase('a'), lcase('B'), ascii('é');
SELECT replace('abc', '', 'x'), replace('abc', 'b'), reverse('héllo'), repeat('é', 2), startswith('héllo', 'hé');
CREATE OR REPLACE TEMPORARY VIEW w AS SELECT * FROM VALUES ('apple', 'p'), ('banana', 'an'), (NULL, 'x'), ('kiwi', NULL) AS w(word, part);
SELECT word, part, contains(word, part), instr(word, part), replace(word, part, '_'), translate(word, part, 'PQ'), repeat(part, 2) FROM w;
