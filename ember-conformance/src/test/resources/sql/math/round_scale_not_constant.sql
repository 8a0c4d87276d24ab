-- The scale of round must be a constant.
SELECT round(1.5, CAST(id AS INT)) FROM range(1);
