-- Arithmetic between two strings is an analysis error under ANSI mode.
SELECT '10' / '4';
