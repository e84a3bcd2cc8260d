# Queries Calcite parses on its own; these check they still do with Strom's configuration.

=== tumble window tvf [SqlSelect]
SELECT window_start, window_end, SUM(price) FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' MINUTES)) GROUP BY window_start, window_end
---
SELECT window_start, window_end, SUM(price)
FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' MINUTE))
GROUP BY window_start, window_end

=== hop window tvf with named arguments [SqlSelect]
SELECT * FROM TABLE(HOP(DATA => TABLE bid, TIMECOL => DESCRIPTOR(ts), SLIDE => INTERVAL '5' SECOND, SIZE => INTERVAL '10' SECOND))
---
SELECT *
FROM TABLE(HOP(DATA => (TABLE bid), TIMECOL => DESCRIPTOR(ts), SLIDE => INTERVAL '5' SECOND, SIZE => INTERVAL '10' SECOND))

=== cumulate window tvf [SqlSelect]
SELECT * FROM TABLE(CUMULATE(TABLE bid, DESCRIPTOR(ts), INTERVAL '2' MINUTE, INTERVAL '10' MINUTE))
---
SELECT *
FROM TABLE(CUMULATE(TABLE bid, DESCRIPTOR(ts), INTERVAL '2' MINUTE, INTERVAL '10' MINUTE))

=== temporal join for system time as of [SqlSelect]
SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.proc_time AS r ON o.currency = r.currency
---
SELECT o.id, r.rate
FROM orders AS o
  INNER JOIN rates FOR SYSTEM_TIME AS OF o.proc_time AS r ON o.currency = r.currency

=== lateral table function [SqlSelect]
SELECT s, w FROM words, LATERAL TABLE(split(s)) AS T(w)
---
SELECT s, w
FROM words,
  LATERAL TABLE(split(s)) AS T (w)

=== left join lateral table [SqlSelect]
SELECT s, w FROM words LEFT JOIN LATERAL TABLE(split(s)) AS T(w) ON TRUE
---
SELECT s, w
FROM words
  LEFT JOIN LATERAL TABLE(split(s)) AS T (w) ON TRUE

=== match recognize [SqlSelect]
SELECT * FROM ticker MATCH_RECOGNIZE (PARTITION BY symbol ORDER BY rowtime MEASURES A.price AS start_price, LAST(B.price) AS end_price ONE ROW PER MATCH AFTER MATCH SKIP PAST LAST ROW PATTERN (A B+) DEFINE B AS B.price < A.price)
---
SELECT *
FROM ticker MATCH_RECOGNIZE(
    PARTITION BY symbol
    ORDER BY rowtime
    MEASURES A.price AS start_price, LAST(B.price, 0) AS end_price
    ONE ROW PER MATCH
    AFTER MATCH SKIP PAST LAST ROW
    PATTERN (A B +)
    DEFINE B AS B.price < A.price)

=== over window [SqlSelect]
SELECT id, SUM(amount) OVER (PARTITION BY id ORDER BY ts RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) FROM orders
---
SELECT id, SUM(amount) OVER (PARTITION BY id ORDER BY ts RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW)
FROM orders

=== top n with row number [SqlSelect]
SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS row_num FROM shop) WHERE row_num <= 3
---
SELECT *
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS row_num
    FROM shop)
WHERE row_num <= 3

=== backtick identifiers keep case [SqlSelect]
SELECT `User`.`Name`, `select` FROM `My Table` AS `User`
---
SELECT `User`.Name, `select`
FROM `My Table` AS `User`

=== unquoted identifiers keep case [SqlSelect]
SELECT dateTime, userId FROM Events
---
SELECT dateTime, userId
FROM Events

=== hints on a table [SqlSelect]
SELECT * FROM kafka_table /*+ OPTIONS('scan.startup.mode' = 'earliest-offset') */
---
SELECT *
FROM kafka_table /*+ OPTIONS('scan.startup.mode' = 'earliest-offset') */

=== bang equal and percent [SqlSelect]
SELECT a % 2 FROM t WHERE a != 3
---
SELECT a % 2
FROM t
WHERE a <> 3

=== with clause [SqlWith]
WITH big AS (SELECT * FROM orders WHERE amount > 100) SELECT COUNT(*) FROM big
---
WITH big AS (SELECT *
    FROM orders
    WHERE amount > 100) SELECT COUNT(*)
    FROM big

=== string functions and if [SqlSelect]
SELECT IF(a > 0, 'pos', 'neg'), CONCAT(b, c), UPPER(d) FROM t
---
SELECT IF(a > 0, 'pos', 'neg'), CONCAT(b, c), UPPER(d)
FROM t
