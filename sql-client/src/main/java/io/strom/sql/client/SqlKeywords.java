package io.strom.sql.client;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The SQL words the shell completes and highlights: Flink SQL's statements, clauses and types. */
final class SqlKeywords {
  private SqlKeywords() {}

  static final Set<String> ALL =
      new TreeSet<>(
          Set.of(
              "ADD", "ALL", "ALTER", "AND", "ARRAY", "AS", "ASC", "BEGIN", "BETWEEN", "BIGINT",
              "BINARY", "BOOLEAN", "BY", "BYTES", "CASCADE", "CASE", "CAST", "CATALOG", "CATALOGS",
              "CHANGELOG_MODE", "CHAR", "COLUMNS", "COMMENT", "CREATE", "CROSS", "CUMULATE",
              "CURRENT", "DATABASE", "DATABASES", "DATE", "DECIMAL", "DESC", "DESCRIBE", "DISTINCT",
              "DOUBLE", "DRAIN", "DROP", "ELSE", "END", "ENFORCED", "EXCEPT", "EXECUTE", "EXISTS",
              "EXPLAIN", "FALSE", "FETCH", "FLOAT", "FOR", "FROM", "FULL", "FUNCTION", "FUNCTIONS",
              "GROUP", "HAVING", "HELP", "HOP", "IF", "IN", "INNER", "INSERT", "INT", "INTEGER",
              "INTERSECT", "INTERVAL", "INTO", "IS", "JAR", "JARS", "JOB", "JOBS", "JOIN", "KEY",
              "LATERAL", "LEFT", "LIKE", "LIMIT", "MAP", "METADATA", "MULTISET", "NOT", "NULL",
              "OFFSET", "ON", "OR", "ORDER", "OUTER", "OVER", "OVERWRITE", "PARTITION",
              "PARTITIONED", "PRIMARY", "QUIT", "REMOVE", "RENAME", "RESET", "RIGHT", "ROW",
              "ROWS", "SAVEPOINT", "SECOND", "SELECT", "SET", "SHOW", "SMALLINT", "STATEMENT",
              "STOP", "STRING", "SYSTEM", "TABLE", "TABLES", "TEMPORARY", "THEN", "TIME",
              "TIMESTAMP", "TIMESTAMP_LTZ", "TINYINT", "TO", "TRUE", "TUMBLE", "UNION", "USE",
              "VALUES", "VARBINARY", "VARCHAR", "VIEW", "VIEWS", "VIRTUAL", "WATERMARK", "WHEN",
              "WHERE", "WINDOW", "WITH"));

  static boolean isKeyword(String word) {
    return ALL.contains(word.toUpperCase(Locale.ROOT));
  }
}
