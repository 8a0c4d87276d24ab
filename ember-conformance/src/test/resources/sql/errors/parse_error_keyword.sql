-- A misspelled keyword.
SELEC 1;
