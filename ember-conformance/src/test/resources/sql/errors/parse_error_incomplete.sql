-- A statement that ends too early.
SELECT 1 +;
