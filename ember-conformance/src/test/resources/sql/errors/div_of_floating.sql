-- div takes integers or decimals: a double operand is an analysis error under ANSI mode.
SELECT 7.5D div 2;
