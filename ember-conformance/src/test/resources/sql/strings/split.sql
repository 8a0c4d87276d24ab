-- split takes a regular expression and returns an array of strings.
SELECT split('a,b,c', ','), split('a,b,,c,', ','), split('one  two', ' +'), split('', ',');
SELECT split('a.b.c', '\\.'), split('a1b22c', '[0-9]+'), split('a,b,c', ',', 2), split(NULL, ',');
SELECT size(split('a b c', ' ')), split('a b c', ' ')[1], element_at(split('x-y', '-'), 1);
