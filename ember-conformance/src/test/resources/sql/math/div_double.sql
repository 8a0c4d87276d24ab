-- div takes integral or decimal operands, not doubles.
SELECT 7 div 2.5D;
