-- Booleans to and from numbers; dates to and from timestamps.
SELECT CAST(true AS INT), CAST(false AS BIGINT), CAST(0 AS BOOLEAN), CAST(7 AS BOOLEAN), CAST(-1L AS BOOLEAN);
SELECT CAST(0.0D AS BOOLEAN), CAST(0.5 AS BOOLEAN), CAST(true AS DOUBLE), CAST(true AS DECIMAL(2,0));
