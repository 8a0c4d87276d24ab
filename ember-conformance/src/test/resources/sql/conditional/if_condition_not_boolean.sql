-- The condition of if must be a boolean.
SELECT if(1, 2, 3);
