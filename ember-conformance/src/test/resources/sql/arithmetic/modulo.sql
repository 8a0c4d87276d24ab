-- % and pmod: the sign of % follows the dividend.
SELECT 7 % 3, -7 % 3, 7 % -3, -7 % -3;
SELECT 7.5 % 2, 7.5D % 2, 10L % 4;
SELECT pmod(-7, 3), pmod(7, -3), mod(7, 3);
SELECT 5 % NULL, NULL % 5;
SELECT id, id % 3 FROM range(7) ORDER BY id;
