-- A declared schema: numbers to int, double and decimal, any value to string (objects and arrays as JSON text), nested structs and arrays, missing fields null.
CREATE OR REPLACE TEMPORARY VIEW p (name string, age int, score decimal(4,2), tags string, address struct<zip:string, city:string>, nums array<double>, missing double) USING json OPTIONS (path '${data}/json/people.json');
SELECT * FROM p;
CREATE OR REPLACE TEMPORARY VIEW c (a double, b string, d string, e array<string>, g decimal(38,0), k array<struct<p:int>>) USING json OPTIONS (path '${data}/json/conflicts.json');
SELECT * FROM c;
CREATE OR REPLACE TEMPORARY VIEW narrow (a int, g bigint, f boolean, d struct<x:int>) USING json OPTIONS (path '${data}/json/conflicts.json');
SELECT * FROM narrow;
