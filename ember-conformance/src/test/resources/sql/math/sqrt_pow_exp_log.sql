-- sqrt, pow, exp, ln, log, log10, log2; logarithms of non-positive numbers are NULL.
SELECT sqrt(4), sqrt(2), sqrt(0), sqrt(-1), sqrt(NULL);
SELECT pow(2, 10), power(2.0, -1), pow(-8, 1.0 / 3), pow(0, 0), pow(4, 0.5);
SELECT exp(0), exp(1), ln(1), ln(exp(2)), log(10, 1000), log(2, 8);
SELECT log10(1000), log2(1024), ln(0), ln(-1), log(1, 10);
