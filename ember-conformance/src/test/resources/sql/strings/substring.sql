-- substring positions are 1-based; 0 acts as 1; negative positions count from the end.
SELECT substring('hello', 2, 3), substring('hello', 1), substring('hello', 0, 2), substring('hello', -3);
SELECT substring('hello', -3, 2), substring('hello', 4, 100), substring('hello', 10), substring('hello', 2, 0);
SELECT substr('hello', 2, 2), substring('hello' FROM 2 FOR 3), substring(NULL, 1, 2), substring('hello', NULL);
SELECT left('hello', 2), right('hello', 2), left('hi', 5);
