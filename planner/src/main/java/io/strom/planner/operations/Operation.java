package io.strom.planner.operations;

import io.strom.planner.catalog.CatalogBaseTable;
import io.strom.planner.catalog.ObjectIdentifier;
import java.util.Map;

/**
 * What a statement asks for, after it was parsed and its names resolved: one record per kind of
 * statement. The session executes operations; it never looks at SQL syntax.
 */
public sealed interface Operation {

  /** {@code CREATE [TEMPORARY] TABLE|VIEW}. */
  record CreateTable(
      ObjectIdentifier identifier, CatalogBaseTable table, boolean ignoreIfExists, boolean temporary)
      implements Operation {}

  /** {@code DROP [TEMPORARY] TABLE|VIEW}. */
  record DropTable(ObjectIdentifier identifier, boolean view, boolean ifExists, boolean temporary)
      implements Operation {}

  /** {@code ALTER TABLE ... SET (...)} / {@code RESET (...)}: the new options. */
  record AlterTableOptions(ObjectIdentifier identifier, Map<String, String> options)
      implements Operation {}

  /** {@code ALTER TABLE ... RENAME TO ...}. */
  record RenameTable(ObjectIdentifier identifier, String newName) implements Operation {}

  /** {@code CREATE CATALOG name WITH (...)}. */
  record CreateCatalog(String name, Map<String, String> options) implements Operation {}

  /** {@code DROP CATALOG [IF EXISTS] name}. */
  record DropCatalog(String name, boolean ifExists) implements Operation {}

  /** {@code USE CATALOG name}. */
  record UseCatalog(String name) implements Operation {}

  /** {@code CREATE DATABASE [IF NOT EXISTS] [catalog.]name}. */
  record CreateDatabase(
      String catalog, String name, Map<String, String> properties, String comment, boolean ifNotExists)
      implements Operation {}

  /** {@code DROP DATABASE [IF EXISTS] [catalog.]name [RESTRICT|CASCADE]}. */
  record DropDatabase(String catalog, String name, boolean ifExists, boolean cascade)
      implements Operation {}

  /** {@code USE [catalog.]database}. */
  record UseDatabase(String catalog, String name) implements Operation {}

  /** {@code SET 'key' = 'value'}, or {@code SET} alone (key null) to list the settings. */
  record Set(String key, String value) implements Operation {}

  /** {@code RESET 'key'}, or {@code RESET} alone (key null) to reset everything. */
  record Reset(String key) implements Operation {}

  /**
   * {@code SHOW CATALOGS|DATABASES|TABLES|VIEWS|[USER] FUNCTIONS|CURRENT CATALOG|CURRENT DATABASE},
   * keeping the names that match {@code [NOT] LIKE likePattern} when a pattern is given.
   *
   * @param catalog the catalog after {@code FROM|IN}, or null for the current one
   * @param database the database after {@code FROM|IN} (tables, views, functions), or null for the
   *     current one
   */
  record Show(ShowKind kind, String catalog, String database, String likePattern, boolean notLike)
      implements Operation {
    public Show {
      java.util.Objects.requireNonNull(kind, "kind");
      if (database != null && catalog == null) {
        throw new IllegalArgumentException("a database needs its catalog");
      }
    }

    /** Everything of that kind in the current catalog and database, without a LIKE filter. */
    public Show(ShowKind kind) {
      this(kind, null, null, null, false);
    }
  }

  /** {@code SHOW COLUMNS FROM t} and {@code DESCRIBE t}. */
  record Describe(ObjectIdentifier identifier) implements Operation {}

  /** {@code SHOW CREATE TABLE|VIEW t}. */
  record ShowCreate(ObjectIdentifier identifier, boolean view) implements Operation {}

  /** A query whose rows the session returns: {@code SELECT}, {@code VALUES}, {@code UNION}, .... */
  record Query(org.apache.calcite.sql.SqlNode query) implements Operation {}

  /** {@code INSERT INTO|OVERWRITE target query}. */
  record Insert(
      ObjectIdentifier target,
      org.apache.calcite.sql.SqlNode query,
      boolean overwrite,
      java.util.Map<String, String> staticPartition)
      implements Operation {
    public Insert {
      staticPartition = java.util.Collections.unmodifiableMap(
          new java.util.LinkedHashMap<>(staticPartition));
    }

    /** An insert without a PARTITION clause. */
    public Insert(ObjectIdentifier target, org.apache.calcite.sql.SqlNode query, boolean overwrite) {
      this(target, query, overwrite, java.util.Map.of());
    }
  }

  /** {@code EXECUTE STATEMENT SET BEGIN insert; ... END}: inserts run as one job. */
  record StatementSet(java.util.List<Insert> inserts) implements Operation {}

  /** {@code CREATE TABLE t WITH (...) AS query}: a table with the query's columns, filled by it. */
  record CreateTableAs(
      ObjectIdentifier identifier,
      java.util.Map<String, String> options,
      org.apache.calcite.sql.SqlNode query,
      boolean temporary,
      boolean ifNotExists)
      implements Operation {}

  /** {@code EXPLAIN [CHANGELOG_MODE] statement}: the plans of a query or insert. */
  record Explain(Operation statement, boolean changelogMode, boolean jsonExecutionPlan)
      implements Operation {}

  /** {@code CREATE [TEMPORARY [SYSTEM]] FUNCTION name AS 'class'}. */
  record CreateFunction(String name, String className, boolean ifNotExists) implements Operation {}

  /** {@code DROP [TEMPORARY [SYSTEM]] FUNCTION [IF EXISTS] name}. */
  record DropFunction(String name, boolean ifExists) implements Operation {}

  /** {@code STOP JOB 'id' [WITH SAVEPOINT]}: stops a job this session started, after a savepoint. */
  record StopJob(String jobId, boolean withSavepoint, boolean withDrain) implements Operation {}

  /** What {@code SHOW} lists. */
  enum ShowKind {
    CATALOGS,
    DATABASES,
    TABLES,
    VIEWS,
    FUNCTIONS,
    USER_FUNCTIONS,
    JOBS,
    CURRENT_CATALOG,
    CURRENT_DATABASE
  }
}
