-- Decimal literals keep their digits; D, E notation and the BD suffix choose the type.
SELECT 1.5, 0.25, -12.345, 100.0, .5;
SELECT 1.5D, 1e3, 1.5E-2, -2.5e10, 3D;
SELECT 1.5BD, 123456789012345678.123BD;
SELECT 1.50 = 1.5, 0.1 + 0.2, 0.1D + 0.2D;
