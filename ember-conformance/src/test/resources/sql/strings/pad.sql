-- lpad and rpad pad to a length, or cut to it.
SELECT lpad('hi', 5, '*'), rpad('hi', 5, '*'), lpad('hi', 5), rpad('hi', 5);
SELECT lpad('hello', 3, '*'), rpad('hello', 3, '*'), lpad('hi', 7, 'ab'), rpad('hi', 7, 'ab');
SELECT lpad('hi', 0, '*'), lpad('hi', -1, '*'), lpad(NULL, 5, '*'), lpad('hi', 5, '');
SELECT lpad(CAST(id AS STRING), 3, '0') FROM range(3);
