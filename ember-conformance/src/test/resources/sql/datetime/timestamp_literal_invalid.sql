-- A malformed TIMESTAMP literal is a parse error.
SELECT TIMESTAMP '2024-01-02 25:00:00';
