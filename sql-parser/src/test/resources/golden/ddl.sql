# Round-trip cases for DDL. Each case: "=== name [NodeClass]", input SQL, "---", the SQL Strom
# writes back. Regenerate the expected blocks with -Dstrom.golden.rewrite=true and review the diff.

=== create table with physical columns [SqlCreateTable]
create table orders (order_id BIGINT, product STRING, amount DECIMAL(10, 2))
---
CREATE TABLE orders (
  order_id BIGINT,
  product STRING,
  amount DECIMAL(10, 2)
)

=== create temporary table if not exists [SqlCreateTable]
CREATE TEMPORARY TABLE IF NOT EXISTS cat.db.orders (id INT) WITH ('connector' = 'datagen')
---
CREATE TEMPORARY TABLE IF NOT EXISTS cat.db.orders (
  id INTEGER
)
WITH (
  'connector' = 'datagen'
)

=== not null and column comments [SqlCreateTable]
CREATE TABLE t (id BIGINT NOT NULL COMMENT 'the key', name VARCHAR(20) COMMENT 'who')
---
CREATE TABLE t (
  id BIGINT NOT NULL COMMENT 'the key',
  name VARCHAR(20) COMMENT 'who'
)

=== computed columns [SqlCreateTable]
CREATE TABLE t (price DOUBLE, quantity INT, cost AS price * quantity COMMENT 'derived', proc AS PROCTIME())
---
CREATE TABLE t (
  price DOUBLE,
  quantity INTEGER,
  cost AS price * quantity COMMENT 'derived',
  proc AS PROCTIME()
)

=== metadata columns [SqlCreateTable]
CREATE TABLE kafka_t (
  payload STRING,
  event_time TIMESTAMP_LTZ(3) METADATA FROM 'timestamp',
  `partition` BIGINT METADATA VIRTUAL,
  `offset` BIGINT METADATA VIRTUAL COMMENT 'read only',
  headers MAP<STRING, BYTES> METADATA
) WITH ('connector' = 'kafka', 'topic' = 'events')
---
CREATE TABLE kafka_t (
  payload STRING,
  event_time TIMESTAMP_LTZ(3) METADATA FROM 'timestamp',
  `partition` BIGINT METADATA VIRTUAL,
  `offset` BIGINT METADATA VIRTUAL COMMENT 'read only',
  headers MAP<STRING, BYTES> METADATA
)
WITH (
  'connector' = 'kafka',
  'topic' = 'events'
)

=== watermark for a column [SqlCreateTable]
CREATE TABLE bids (price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
---
CREATE TABLE bids (
  price INTEGER,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
)

=== watermark on a nested field [SqlCreateTable]
CREATE TABLE t (r ROW<ts TIMESTAMP(3)>, WATERMARK FOR r.ts AS r.ts)
---
CREATE TABLE t (
  r ROW<ts TIMESTAMP(3)>,
  WATERMARK FOR r.ts AS r.ts
)

=== watermark as a column name [SqlCreateTable]
CREATE TABLE t (watermark INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts)
---
CREATE TABLE t (
  watermark INTEGER,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts
)

=== table primary key [SqlCreateTable]
CREATE TABLE users (id BIGINT, region STRING, name STRING, PRIMARY KEY (id, region) NOT ENFORCED)
---
CREATE TABLE users (
  id BIGINT,
  region STRING,
  name STRING,
  PRIMARY KEY (id, region) NOT ENFORCED
)

=== named table primary key [SqlCreateTable]
CREATE TABLE users (id BIGINT, CONSTRAINT pk_users PRIMARY KEY (id) NOT ENFORCED)
---
CREATE TABLE users (
  id BIGINT,
  CONSTRAINT pk_users PRIMARY KEY (id) NOT ENFORCED
)

=== inline primary key [SqlCreateTable]
CREATE TABLE users (id BIGINT PRIMARY KEY NOT ENFORCED, name STRING)
---
CREATE TABLE users (
  id BIGINT PRIMARY KEY NOT ENFORCED,
  name STRING
)

=== inline named primary key with comment [SqlCreateTable]
CREATE TABLE users (id BIGINT NOT NULL CONSTRAINT pk PRIMARY KEY NOT ENFORCED COMMENT 'key', name STRING)
---
CREATE TABLE users (
  id BIGINT NOT NULL CONSTRAINT pk PRIMARY KEY NOT ENFORCED COMMENT 'key',
  name STRING
)

=== table comment partitions and options [SqlCreateTable]
CREATE TABLE logs (msg STRING, dt STRING, hr STRING)
COMMENT 'raw logs'
PARTITIONED BY (dt, hr)
WITH ('connector' = 'filesystem', 'path' = 'file:///tmp/logs', 'format' = 'json')
---
CREATE TABLE logs (
  msg STRING,
  dt STRING,
  hr STRING
)
COMMENT 'raw logs'
PARTITIONED BY (dt, hr)
WITH (
  'connector' = 'filesystem',
  'path' = 'file:///tmp/logs',
  'format' = 'json'
)

=== like with options [SqlCreateTable]
CREATE TABLE orders_copy (extra INT) WITH ('connector' = 'print') LIKE orders (EXCLUDING ALL INCLUDING GENERATED OVERWRITING OPTIONS)
---
CREATE TABLE orders_copy (
  extra INTEGER
)
WITH (
  'connector' = 'print'
)
LIKE orders (EXCLUDING ALL INCLUDING GENERATED OVERWRITING OPTIONS)

=== like with every feature [SqlCreateTable]
CREATE TABLE t2 LIKE t1 (INCLUDING CONSTRAINTS EXCLUDING PARTITIONS INCLUDING WATERMARKS EXCLUDING METADATA OVERWRITING GENERATED)
---
CREATE TABLE t2
LIKE t1 (INCLUDING CONSTRAINTS EXCLUDING PARTITIONS INCLUDING WATERMARKS EXCLUDING METADATA OVERWRITING GENERATED)

=== like without columns [SqlCreateTable]
CREATE TABLE t2 WITH ('connector' = 'blackhole') LIKE t1
---
CREATE TABLE t2
WITH (
  'connector' = 'blackhole'
)
LIKE t1

=== create table as select [SqlCreateTable]
CREATE TABLE big_orders WITH ('connector' = 'print') AS SELECT * FROM orders WHERE amount > 100
---
CREATE TABLE big_orders
WITH (
  'connector' = 'print'
)
AS
SELECT *
FROM orders
WHERE amount > 100

=== create or replace table as select [SqlCreateTable]
CREATE OR REPLACE TABLE t WITH ('connector' = 'print') AS SELECT 1 AS x
---
CREATE OR REPLACE TABLE t
WITH (
  'connector' = 'print'
)
AS
SELECT 1 AS x

=== option strings with quotes and continuation [SqlCreateTable]
CREATE TABLE t (a INT) WITH ('format' = 'csv', 'csv.quote-character' = '''', 'path' = 'a' 'b')
---
CREATE TABLE t (
  a INTEGER
)
WITH (
  'format' = 'csv',
  'csv.quote-character' = '''',
  'path' = 'ab'
)

=== create view [SqlCreateView]
CREATE VIEW v AS SELECT a, b FROM t WHERE a > 1
---
CREATE VIEW v AS
SELECT a, b
FROM t
WHERE a > 1

=== create temporary view with columns and comment [SqlCreateView]
CREATE TEMPORARY VIEW IF NOT EXISTS db.v (x, y) COMMENT 'two columns' AS SELECT a, b FROM t
---
CREATE TEMPORARY VIEW IF NOT EXISTS db.v (x, y) COMMENT 'two columns' AS
SELECT a, b
FROM t

=== drop table [SqlDropTable]
DROP TABLE orders
---
DROP TABLE orders

=== drop temporary table if exists [SqlDropTable]
DROP TEMPORARY TABLE IF EXISTS cat.db.orders
---
DROP TEMPORARY TABLE IF EXISTS cat.db.orders

=== drop view [SqlDropView]
DROP VIEW IF EXISTS v
---
DROP VIEW IF EXISTS v

=== drop temporary view [SqlDropView]
DROP TEMPORARY VIEW v
---
DROP TEMPORARY VIEW v

=== alter table set options [SqlAlterTableOptions]
ALTER TABLE orders SET ('scan.startup.mode' = 'earliest-offset', 'sink.parallelism' = '4')
---
ALTER TABLE orders SET ('scan.startup.mode' = 'earliest-offset', 'sink.parallelism' = '4')

=== alter table reset options [SqlAlterTableReset]
ALTER TABLE IF EXISTS orders RESET ('scan.startup.mode', 'sink.parallelism')
---
ALTER TABLE IF EXISTS orders RESET ('scan.startup.mode', 'sink.parallelism')

=== alter table rename [SqlAlterTableRename]
ALTER TABLE db.orders RENAME TO db.orders_v2
---
ALTER TABLE db.orders RENAME TO db.orders_v2

=== create function [SqlCreateFunction]
CREATE FUNCTION parse_ua AS 'com.example.ParseUserAgent'
---
CREATE FUNCTION parse_ua AS 'com.example.ParseUserAgent'

=== create temporary system function with language [SqlCreateFunction]
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS parse_ua AS 'com.example.ParseUserAgent' LANGUAGE JAVA
---
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS parse_ua AS 'com.example.ParseUserAgent' LANGUAGE JAVA

=== create function using jars [SqlCreateFunction]
CREATE TEMPORARY FUNCTION db.f AS 'com.example.F' LANGUAGE SCALA USING JAR 'file:///a.jar', JAR 'file:///b.jar'
---
CREATE TEMPORARY FUNCTION db.f AS 'com.example.F' LANGUAGE SCALA USING JAR 'file:///a.jar', JAR 'file:///b.jar'

=== create python function [SqlCreateFunction]
CREATE FUNCTION py_f AS 'udfs.my_udf' LANGUAGE PYTHON
---
CREATE FUNCTION py_f AS 'udfs.my_udf' LANGUAGE PYTHON

=== drop function [SqlDropFunction]
DROP FUNCTION IF EXISTS cat.db.parse_ua
---
DROP FUNCTION IF EXISTS cat.db.parse_ua

=== drop temporary system function [SqlDropFunction]
DROP TEMPORARY SYSTEM FUNCTION parse_ua
---
DROP TEMPORARY SYSTEM FUNCTION parse_ua

=== create catalog [SqlCreateCatalog]
CREATE CATALOG my_catalog WITH ('type' = 'generic_in_memory', 'default-database' = 'mydb')
---
CREATE CATALOG my_catalog
WITH (
  'type' = 'generic_in_memory',
  'default-database' = 'mydb'
)

=== create catalog if not exists with comment [SqlCreateCatalog]
CREATE CATALOG IF NOT EXISTS c COMMENT 'scratch' WITH ('type' = 'generic_in_memory')
---
CREATE CATALOG IF NOT EXISTS c COMMENT 'scratch'
WITH (
  'type' = 'generic_in_memory'
)

=== drop catalog [SqlDropCatalog]
DROP CATALOG IF EXISTS my_catalog
---
DROP CATALOG IF EXISTS my_catalog

=== create database [SqlCreateDatabase]
CREATE DATABASE IF NOT EXISTS my_catalog.analytics COMMENT 'team data' WITH ('owner' = 'ana')
---
CREATE DATABASE IF NOT EXISTS my_catalog.analytics COMMENT 'team data'
WITH (
  'owner' = 'ana'
)

=== create database plain [SqlCreateDatabase]
CREATE DATABASE analytics
---
CREATE DATABASE analytics

=== drop database cascade [SqlDropDatabase]
DROP DATABASE IF EXISTS cat.analytics CASCADE
---
DROP DATABASE IF EXISTS cat.analytics CASCADE

=== drop database restrict is the default [SqlDropDatabase]
DROP DATABASE analytics RESTRICT
---
DROP DATABASE analytics
