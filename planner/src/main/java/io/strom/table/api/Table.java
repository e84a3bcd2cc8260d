package io.strom.table.api;

import io.strom.planner.ValidationException;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A table built in Java: every operation returns a new table and is validated at once, with the
 * messages SQL validation gives. Nothing runs until {@link #execute()} or {@link #executeInsert}.
 *
 * <p>A table is a query: each operation writes the SQL of its step over the previous one, so a
 * Table API program and the SQL query it mirrors are planned into the same operators.
 */
public final class Table {
  private final TableEnvironment env;
  private final String sql;
  private final RowType type;
  /** Whether {@link #sql} ends in ORDER BY (and OFFSET/FETCH) that offset/fetch may extend. */
  private final boolean ordered;

  Table(TableEnvironment env, String sql, RowType type, boolean ordered) {
    this.env = env;
    this.sql = sql;
    this.type = type;
    this.ordered = ordered;
  }

  /** The query this table stands for. */
  String sql() {
    return sql;
  }

  TableEnvironment environment() {
    return env;
  }

  /** This table in a FROM clause, as a derived table under a fresh alias. */
  String from() {
    return "(" + sql + ") AS " + SqlText.quote(env.nextAlias());
  }

  public ResolvedSchema getResolvedSchema() {
    return new ResolvedSchema(type);
  }

  /** Prints the columns and their types to standard output. */
  public void printSchema() {
    System.out.println(getResolvedSchema());
  }

  // ---- projections

  /** The given expressions as columns; {@code $("*")} keeps every column. */
  public Table select(Expression... fields) {
    return env.query("SELECT " + selectList(fields, SqlScope.NONE) + " FROM " + from());
  }

  /** Keeps the rows for which {@code predicate} is true. */
  public Table filter(Expression predicate) {
    return env.query("SELECT * FROM " + from() + " WHERE " + predicate.toSql(SqlScope.NONE));
  }

  /** The same as {@link #filter}. */
  public Table where(Expression predicate) {
    return filter(predicate);
  }

  /** Adds columns after the existing ones; their names must be new. */
  public Table addColumns(Expression... fields) {
    for (int i = 0; i < fields.length; i++) {
      String name = nameOf(fields[i], type.fieldCount() + i);
      if (type.fieldNames().contains(name)) {
        throw new ValidationException(
            "Column '" + name + "' exists already; use addOrReplaceColumns to replace it");
      }
    }
    return addOrReplaceColumns(fields);
  }

  /** Adds columns; one named like an existing column replaces it in place. */
  public Table addOrReplaceColumns(Expression... fields) {
    List<String> items = new ArrayList<>();
    List<String> added = new ArrayList<>();
    for (int i = 0; i < fields.length; i++) {
      added.add(nameOf(fields[i], type.fieldCount() + i));
    }
    for (String name : type.fieldNames()) {
      int replaced = added.lastIndexOf(name);
      items.add(replaced < 0 ? SqlText.quote(name) : item(fields[replaced], name));
    }
    for (int i = 0; i < fields.length; i++) {
      if (!type.fieldNames().contains(added.get(i)) && added.lastIndexOf(added.get(i)) == i) {
        items.add(item(fields[i], added.get(i)));
      }
    }
    return env.query("SELECT " + String.join(", ", items) + " FROM " + from());
  }

  /** Renames columns: {@code renameColumns($("a").as("x"))}. */
  public Table renameColumns(Expression... renames) {
    java.util.Map<String, String> newNames = new java.util.HashMap<>();
    for (Expression rename : renames) {
      if (rename.kind() != Expression.Kind.ALIAS || rename.inner().kind() != Expression.Kind.COLUMN) {
        throw new ValidationException(
            "renameColumns takes columns with new names, e.g. $(\"a\").as(\"x\"); got " + rename);
      }
      String old = rename.inner().columnName();
      column(old);
      newNames.put(old, rename.columnName());
    }
    return env.query(
        "SELECT "
            + type.fieldNames().stream()
                .map(n -> SqlText.quote(n)
                    + (newNames.containsKey(n) ? " AS " + SqlText.quote(newNames.get(n)) : ""))
                .collect(Collectors.joining(", "))
            + " FROM " + from());
  }

  /** Every column but the given ones. */
  public Table dropColumns(Expression... columns) {
    Set<String> dropped = new HashSet<>();
    for (Expression c : columns) {
      if (c.kind() != Expression.Kind.COLUMN) {
        throw new ValidationException("dropColumns takes columns, e.g. $(\"a\"); got " + c);
      }
      dropped.add(column(c.columnName()));
    }
    List<String> kept =
        type.fieldNames().stream().filter(n -> !dropped.contains(n)).map(SqlText::quote).toList();
    if (kept.isEmpty()) {
      throw new ValidationException("dropColumns would drop every column of the table");
    }
    return env.query("SELECT " + String.join(", ", kept) + " FROM " + from());
  }

  /** Renames every column, in order: {@code as("id", "name")}. */
  public Table as(String field, String... fields) {
    List<String> names = new ArrayList<>();
    names.add(field);
    names.addAll(List.of(fields));
    if (names.size() != type.fieldCount()) {
      throw new ValidationException(
          "The table has " + type.fieldCount() + " columns " + type.fieldNames() + " but "
              + names.size() + " names were given: " + names);
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      items.add(SqlText.quote(type.fieldNames().get(i)) + " AS " + SqlText.quote(names.get(i)));
    }
    return env.query("SELECT " + String.join(", ", items) + " FROM " + from());
  }

  // ---- aggregation

  /** Groups rows by the given columns; {@link GroupedTable#select} aggregates each group. */
  public GroupedTable groupBy(Expression... keys) {
    return new GroupedTable(this, List.of(keys));
  }

  /** The distinct rows. */
  public Table distinct() {
    return env.query("SELECT DISTINCT * FROM " + from());
  }

  /** Groups rows by a tumbling, sliding or session window: see {@link Tumble}, {@link Slide}. */
  public GroupWindowedTable window(GroupWindow window) {
    return new GroupWindowedTable(this, window);
  }

  /** Defines OVER windows for aggregates in {@link OverWindowedTable#select}. */
  public OverWindowedTable window(OverWindow... windows) {
    return new OverWindowedTable(this, List.of(windows));
  }

  // ---- joins and set operations

  /** Every pair of rows; a {@link #where} on the result makes it an inner join. */
  public Table join(Table right) {
    return join("CROSS JOIN", right, null);
  }

  public Table join(Table right, Expression condition) {
    return join("INNER JOIN", right, condition);
  }

  public Table leftOuterJoin(Table right, Expression condition) {
    return join("LEFT JOIN", right, condition);
  }

  public Table rightOuterJoin(Table right, Expression condition) {
    return join("RIGHT JOIN", right, condition);
  }

  public Table fullOuterJoin(Table right, Expression condition) {
    return join("FULL JOIN", right, condition);
  }

  private Table join(String kind, Table right, Expression condition) {
    sameEnvironment(right);
    Set<String> shared = new LinkedHashSet<>(type.fieldNames());
    shared.retainAll(right.type.fieldNames());
    if (!shared.isEmpty()) {
      throw new ValidationException(
          "The two sides of a join must have different column names, but both have " + shared
              + "; rename the columns of one side first, e.g. with as(...) or renameColumns(...)");
    }
    return env.query(
        "SELECT * FROM " + from() + " " + kind + " " + right.from()
            + (condition == null ? "" : " ON " + condition.toSql(SqlScope.NONE)));
  }

  /**
   * Joins each row with the rows a table function returns for it: {@code
   * joinLateral(call("split", $("line")).as("word"))}.
   */
  public Table joinLateral(Expression tableFunctionCall) {
    return lateral(", ", tableFunctionCall, null);
  }

  public Table joinLateral(Expression tableFunctionCall, Expression condition) {
    return lateral(" JOIN ", tableFunctionCall, condition);
  }

  /** Like {@link #joinLateral}, keeping rows for which the function returns nothing (NULLs). */
  public Table leftOuterJoinLateral(Expression tableFunctionCall) {
    return lateral(" LEFT JOIN ", tableFunctionCall, lit(true));
  }

  public Table leftOuterJoinLateral(Expression tableFunctionCall, Expression condition) {
    return lateral(" LEFT JOIN ", tableFunctionCall, condition);
  }

  private static Expression lit(Object value) {
    return Expression.of(value);
  }

  private Table lateral(String joinKind, Expression call, Expression condition) {
    return env.query(
        "SELECT * FROM " + from() + joinKind + lateralTable(call, SqlText.quote(env.nextAlias()))
            + (condition == null ? "" : " ON " + condition.toSql(SqlScope.NONE)));
  }

  /**
   * {@code LATERAL TABLE(f(...)) AS alias(columns)} for a table function call, named by its
   * {@code as(...)} if it has one.
   */
  private static String lateralTable(Expression call, String alias) {
    boolean named = call.kind() == Expression.Kind.ALIAS;
    Expression function = named ? call.inner() : call;
    return "LATERAL TABLE(" + function.toSql(SqlScope.NONE) + ") AS " + alias
        + (named ? call.names().stream().map(SqlText::quote).collect(Collectors.joining(", ", "(", ")")) : "");
  }

  /**
   * Maps each row with a scalar function (or any expression) over its columns: {@code
   * map(call("parse", $("line")))}. A ROW result is flattened into its fields; any other result is
   * one column {@code _c0}.
   */
  public Table map(Expression function) {
    Table mapped = env.query(
        "SELECT " + function.toSql(SqlScope.NONE) + " AS `_c0` FROM " + from());
    if (!(mapped.type.typeAt(0) instanceof RowType row)) {
      return mapped;
    }
    String alias = SqlText.quote(env.nextAlias());
    return env.query(
        "SELECT "
            + row.fieldNames().stream()
                .map(n -> alias + ".`_c0`." + SqlText.quote(n) + " AS " + SqlText.quote(n))
                .collect(Collectors.joining(", "))
            + " FROM (" + mapped.sql + ") AS " + alias);
  }

  /**
   * Replaces each row by the rows a table function returns for it: {@code
   * flatMap(call("split", $("line")))} has the function's columns only.
   */
  public Table flatMap(Expression tableFunctionCall) {
    String alias = SqlText.quote(env.nextAlias());
    return env.query(
        "SELECT " + alias + ".* FROM " + from() + ", " + lateralTable(tableFunctionCall, alias));
  }

  /** The rows of both tables, duplicates removed. */
  public Table union(Table other) {
    return setOperation("UNION", other);
  }

  /** The rows of both tables. */
  public Table unionAll(Table other) {
    return setOperation("UNION ALL", other);
  }

  public Table intersect(Table other) {
    return setOperation("INTERSECT", other);
  }

  public Table intersectAll(Table other) {
    return setOperation("INTERSECT ALL", other);
  }

  public Table minus(Table other) {
    return setOperation("EXCEPT", other);
  }

  public Table minusAll(Table other) {
    return setOperation("EXCEPT ALL", other);
  }

  private Table setOperation(String operator, Table other) {
    sameEnvironment(other);
    return env.query("SELECT * FROM " + from() + " " + operator + " SELECT * FROM " + other.from());
  }

  // ---- ordering

  /** Sorts by the given columns ({@code $("a").desc()}); on a stream only with {@link #fetch}. */
  public Table orderBy(Expression... fields) {
    String keys = java.util.Arrays.stream(fields)
        .map(f -> f.toSql(SqlScope.NONE))
        .collect(Collectors.joining(", "));
    return env.query("SELECT * FROM " + from() + " ORDER BY " + keys, true);
  }

  /** Skips the first {@code offset} rows of a sorted table. */
  public Table offset(int offset) {
    return env.query(orderedSql() + " OFFSET " + offset + " ROWS", true);
  }

  /** Keeps the first {@code fetch} rows (of a sorted table: the top ones). */
  public Table fetch(int fetch) {
    return env.query(orderedSql() + " FETCH NEXT " + fetch + " ROWS ONLY", true);
  }

  /** The same as {@link #fetch}. */
  public Table limit(int fetch) {
    return fetch(fetch);
  }

  /** The same as {@code offset(offset).fetch(fetch)}. */
  public Table limit(int offset, int fetch) {
    return offset(offset).fetch(fetch);
  }

  private String orderedSql() {
    return ordered ? sql : "SELECT * FROM " + from();
  }

  // ---- running

  /** Runs the query; the result hands on its rows as they come. */
  public TableResult execute() {
    return env.executeSql(sql);
  }

  /** Writes this table's rows into the table at {@code path}. */
  public TableResult executeInsert(String path) {
    return env.executeSql("INSERT INTO " + path + " " + sql);
  }

  /** Replaces the rows of the table at {@code path} (bounded queries only, as in SQL). */
  public TableResult executeInsert(String path, boolean overwrite) {
    return env.executeSql((overwrite ? "INSERT OVERWRITE " : "INSERT INTO ") + path + " " + sql);
  }

  /** The query's logical and physical plans, as SQL's EXPLAIN prints them. */
  public String explain() {
    return env.explainSql(sql);
  }

  /**
   * The table's name in SQL: the table is registered as a temporary view under a unique name, so
   * {@code env.sqlQuery("SELECT * FROM " + table)} reads it.
   */
  @Override
  public String toString() {
    return env.registerUnnamed(this);
  }

  // ---- helpers for the operations above and the grouped forms

  String selectList(Expression[] fields, SqlScope scope) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < fields.length; i++) {
      Expression field = fields[i];
      String name = field.columnName();
      if (field.kind() == Expression.Kind.COLUMN || field.kind() == Expression.Kind.ALIAS) {
        items.add(field.toSql(scope));
      } else {
        items.add(field.toSql(scope) + " AS " + SqlText.quote(name == null ? "_c" + i : name));
      }
    }
    return String.join(", ", items);
  }

  /** The name an added column gets: its alias, its column name, or {@code _c<position>}. */
  private static String nameOf(Expression field, int position) {
    String name = field.columnName();
    return name != null ? name : "_c" + position;
  }

  private static String item(Expression field, String name) {
    Expression value = field.kind() == Expression.Kind.ALIAS ? field.inner() : field;
    return value.toSql(SqlScope.NONE) + " AS " + SqlText.quote(name);
  }

  private String column(String name) {
    if (!type.fieldNames().contains(name)) {
      throw new ValidationException(
          "Column '" + name + "' not found; the table has " + type.fieldNames()
              + io.strom.util.Suggestions.closest(name, type.fieldNames())
                  .map(c -> "; did you mean '" + c + "'?").orElse(""));
    }
    return name;
  }

  private void sameEnvironment(Table other) {
    if (other.env != env) {
      throw new ValidationException("Tables of different table environments cannot be combined");
    }
  }
}
