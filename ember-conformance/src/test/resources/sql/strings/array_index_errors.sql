-- An array index outside the array is an error under ANSI: subscripts, element_at, and element_at(..., 0).
SELECT split('a,b', ',')[2];
SELECT element_at(split('a,b', ','), 0);
SELECT element_at(split('a,b', ','), -3);
SELECT split('a,b', ',')[-1];
