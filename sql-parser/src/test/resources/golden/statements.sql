# Round-trip cases for session, catalog, job and DML statements.

=== set key value [SqlSet]
SET 'execution.checkpointing.interval' = '10s'
---
SET 'execution.checkpointing.interval' = '10s'

=== set alone [SqlSet]
SET
---
SET

=== reset key [SqlReset]
RESET 'execution.checkpointing.interval'
---
RESET 'execution.checkpointing.interval'

=== reset alone [SqlReset]
RESET
---
RESET

=== use catalog [SqlUseCatalog]
USE CATALOG my_catalog
---
USE CATALOG my_catalog

=== use database [SqlUseDatabase]
USE analytics
---
USE analytics

=== use qualified database [SqlUseDatabase]
USE my_catalog.analytics
---
USE my_catalog.analytics

=== show catalogs [SqlShowList]
SHOW CATALOGS
---
SHOW CATALOGS

=== show databases [SqlShowList]
SHOW DATABASES
---
SHOW DATABASES

=== show tables [SqlShowList]
SHOW TABLES
---
SHOW TABLES

=== show tables from database like [SqlShowList]
SHOW TABLES IN cat.db NOT LIKE 'tmp%'
---
SHOW TABLES FROM cat.db NOT LIKE 'tmp%'

=== show views [SqlShowList]
SHOW VIEWS
---
SHOW VIEWS

=== show functions [SqlShowList]
SHOW FUNCTIONS
---
SHOW FUNCTIONS

=== show user functions [SqlShowList]
SHOW USER FUNCTIONS FROM db LIKE 'my%'
---
SHOW USER FUNCTIONS FROM db LIKE 'my%'

=== show columns [SqlShowList]
SHOW COLUMNS FROM orders
---
SHOW COLUMNS FROM orders

=== show columns like [SqlShowList]
SHOW COLUMNS IN cat.db.orders LIKE '%id'
---
SHOW COLUMNS FROM cat.db.orders LIKE '%id'

=== show create table [SqlShowCreate]
SHOW CREATE TABLE orders
---
SHOW CREATE TABLE orders

=== show create view [SqlShowCreate]
SHOW CREATE VIEW db.v
---
SHOW CREATE VIEW db.v

=== show jobs [SqlShowList]
SHOW JOBS
---
SHOW JOBS

=== show jars [SqlShowList]
SHOW JARS
---
SHOW JARS

=== show current catalog [SqlShowCurrent]
SHOW CURRENT CATALOG
---
SHOW CURRENT CATALOG

=== show current database [SqlShowCurrent]
SHOW CURRENT DATABASE
---
SHOW CURRENT DATABASE

=== describe [SqlDescribeTableOrView]
DESCRIBE orders
---
DESCRIBE orders

=== desc [SqlDescribeTableOrView]
DESC cat.db.orders
---
DESCRIBE cat.db.orders

=== describe extended [SqlDescribeTableOrView]
DESCRIBE EXTENDED orders
---
DESCRIBE EXTENDED orders

=== explain [SqlStromExplain]
EXPLAIN SELECT * FROM orders
---
EXPLAIN
SELECT *
FROM orders

=== explain plan for [SqlStromExplain]
EXPLAIN PLAN FOR SELECT a FROM t WHERE b > 1
---
EXPLAIN PLAN FOR
SELECT a
FROM t
WHERE b > 1

=== explain with details [SqlStromExplain]
EXPLAIN CHANGELOG_MODE, ESTIMATED_COST, JSON_EXECUTION_PLAN, PLAN_ADVICE SELECT a, COUNT(*) FROM t GROUP BY a
---
EXPLAIN ESTIMATED_COST, CHANGELOG_MODE, JSON_EXECUTION_PLAN, PLAN_ADVICE
SELECT a, COUNT(*)
FROM t
GROUP BY a

=== explain insert [SqlStromExplain]
EXPLAIN CHANGELOG_MODE INSERT INTO sink SELECT * FROM src
---
EXPLAIN CHANGELOG_MODE
INSERT INTO sink
SELECT *
  FROM src

=== explain statement set [SqlStromExplain]
EXPLAIN STATEMENT SET BEGIN INSERT INTO s1 SELECT * FROM t; INSERT INTO s2 SELECT * FROM t; END
---
EXPLAIN
STATEMENT SET
BEGIN
INSERT INTO s1
SELECT *
  FROM t;
INSERT INTO s2
SELECT *
  FROM t;
END

=== insert into [SqlStromInsert]
INSERT INTO sink SELECT a, b FROM src
---
INSERT INTO sink
SELECT a, b
  FROM src

=== insert into with columns [SqlStromInsert]
INSERT INTO sink (a, b) SELECT x, y FROM src
---
INSERT INTO sink (a, b)
SELECT x, y
  FROM src

=== insert overwrite with partition [SqlStromInsert]
INSERT OVERWRITE logs PARTITION (dt = '2024-01-01', hr = 10) SELECT msg FROM raw
---
INSERT OVERWRITE logs PARTITION (dt = '2024-01-01', hr = 10)
SELECT msg
  FROM raw

=== insert into with partition and columns [SqlStromInsert]
INSERT INTO logs PARTITION (dt = '2024-01-01') (msg, hr) SELECT msg, hr FROM raw
---
INSERT INTO logs PARTITION (dt = '2024-01-01') (msg, hr)
SELECT msg, hr
  FROM raw

=== insert values [SqlStromInsert]
INSERT INTO t VALUES (1, 'a'), (2, 'b')
---
INSERT INTO t
VALUES ROW(1, 'a'),
  ROW(2, 'b')

=== insert with hint [SqlStromInsert]
INSERT INTO sink /*+ OPTIONS('sink.parallelism' = '2') */ SELECT * FROM src
---
INSERT INTO sink /*+ OPTIONS('sink.parallelism' = '2') */
SELECT *
  FROM src

=== execute statement set [SqlExecute]
EXECUTE STATEMENT SET
BEGIN
  INSERT INTO s1 SELECT * FROM t;
  INSERT INTO s2 SELECT a FROM t WHERE a > 0;
END
---
EXECUTE STATEMENT SET
BEGIN
INSERT INTO s1
SELECT *
  FROM t;
INSERT INTO s2
SELECT a
  FROM t
  WHERE a > 0;
END

=== statement set without execute [SqlStatementSet]
STATEMENT SET BEGIN INSERT INTO s1 SELECT * FROM t; END
---
STATEMENT SET
BEGIN
INSERT INTO s1
SELECT *
  FROM t;
END

=== execute insert [SqlExecute]
EXECUTE INSERT INTO sink SELECT * FROM src
---
EXECUTE INSERT INTO sink
SELECT *
  FROM src

=== begin statement set [SqlBeginStatementSet]
BEGIN STATEMENT SET
---
BEGIN STATEMENT SET

=== end [SqlEndStatementSet]
END
---
END

=== stop job [SqlStopJob]
STOP JOB 'a1b2c3'
---
STOP JOB 'a1b2c3'

=== stop job with savepoint and drain [SqlStopJob]
STOP JOB 'a1b2c3' WITH SAVEPOINT WITH DRAIN
---
STOP JOB 'a1b2c3' WITH SAVEPOINT WITH DRAIN

=== stop job with drain [SqlStopJob]
STOP JOB 'a1b2c3' WITH DRAIN
---
STOP JOB 'a1b2c3' WITH DRAIN

=== add jar [SqlJar]
ADD JAR '/opt/udfs/my-udfs.jar'
---
ADD JAR '/opt/udfs/my-udfs.jar'

=== remove jar [SqlJar]
REMOVE JAR '/opt/udfs/my-udfs.jar'
---
REMOVE JAR '/opt/udfs/my-udfs.jar'

=== calcite set option still works [SqlSetOption]
SET approximate_distinct_count = TRUE
---
SET approximate_distinct_count = TRUE
