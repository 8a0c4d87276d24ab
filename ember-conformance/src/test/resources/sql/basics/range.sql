-- range() produces a bigint column named id.
SELECT * FROM range(5);
SELECT * FROM range(2, 6);
SELECT * FROM range(0, 10, 3);
SELECT * FROM range(10, 0, -3);
SELECT * FROM range(0);
SELECT count(*), sum(id), min(id), max(id) FROM range(1000000);
SELECT id * 2 AS even FROM range(4) WHERE id > 0;
SELECT * FROM range(3) r1 CROSS JOIN range(2) r2;
