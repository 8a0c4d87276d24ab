-- greatest needs at least two arguments.
SELECT greatest(1);
