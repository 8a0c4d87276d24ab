-- greatest needs arguments of one type.
SELECT greatest(1, 'a');
