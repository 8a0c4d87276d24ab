-- Unbalanced parentheses.
SELECT (1 + 2 FROM range(1);
