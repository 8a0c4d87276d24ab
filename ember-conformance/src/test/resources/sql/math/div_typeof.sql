-- div truncates toward zero to a bigint; typeof names the type of its argument.
SELECT 7 div 2, -7 div 2, 7.5 div 2, -7.5 div 0.2, 7 div 2.5, '9' div 2, NULL div 2, 9223372036854775807L div -1;
SELECT typeof(7 div 2), typeof(1 + 2L), typeof(round(1.25, 1)), typeof(array(1, 2.5)), typeof(NULL), typeof(floor(1.5D));
SELECT 1 div 0;
SELECT 1.5 div 0.0;
