package io.strom.sql.parser.dql;

import static java.util.Objects.requireNonNull;

import io.strom.sql.parser.common.SqlUnparse;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * A SHOW statement that lists objects: {@code SHOW CATALOGS | DATABASES | TABLES | VIEWS | [USER]
 * FUNCTIONS | COLUMNS | JOBS | JARS}, with {@code FROM scope} and {@code [NOT] LIKE 'pattern'}
 * where they apply.
 */
public final class SqlShowList extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("SHOW", SqlKind.OTHER);

  /** What is listed. */
  public enum Kind {
    CATALOGS("CATALOGS"),
    DATABASES("DATABASES"),
    TABLES("TABLES"),
    VIEWS("VIEWS"),
    FUNCTIONS("FUNCTIONS"),
    USER_FUNCTIONS("USER FUNCTIONS"),
    COLUMNS("COLUMNS"),
    JOBS("JOBS"),
    JARS("JARS");

    private final String sql;

    Kind(String sql) {
      this.sql = sql;
    }
  }

  private static final Set<Kind> NEED_SCOPE = EnumSet.of(Kind.COLUMNS);
  private static final Set<Kind> TAKE_SCOPE =
      EnumSet.of(Kind.DATABASES, Kind.TABLES, Kind.VIEWS, Kind.FUNCTIONS, Kind.USER_FUNCTIONS,
          Kind.COLUMNS);
  private static final Set<Kind> TAKE_LIKE = EnumSet.complementOf(EnumSet.of(Kind.JOBS, Kind.JARS));

  private final Kind kind;
  private final SqlIdentifier scope;
  private final boolean notLike;
  private final SqlNode pattern;

  /**
   * @param scope the catalog, database or table after FROM/IN, or null
   * @param pattern the LIKE pattern, or null
   */
  public SqlShowList(
      SqlParserPos pos, Kind kind, SqlIdentifier scope, boolean notLike, SqlNode pattern) {
    super(pos);
    this.kind = requireNonNull(kind, "kind");
    if (scope == null ? NEED_SCOPE.contains(kind) : !TAKE_SCOPE.contains(kind)) {
      throw new IllegalArgumentException("FROM does not fit SHOW " + kind.sql);
    }
    if (pattern != null && !TAKE_LIKE.contains(kind) || notLike && pattern == null) {
      throw new IllegalArgumentException("LIKE does not fit SHOW " + kind.sql);
    }
    this.scope = scope;
    this.notLike = notLike;
    this.pattern = pattern;
  }

  public Kind kind() {
    return kind;
  }

  /** The catalog (for DATABASES), database (TABLES, VIEWS, FUNCTIONS) or table (COLUMNS). */
  public Optional<SqlIdentifier> scope() {
    return Optional.ofNullable(scope);
  }

  public boolean isNotLike() {
    return notLike;
  }

  /** The LIKE pattern, with SQL's {@code %} and {@code _} wildcards. */
  public Optional<String> pattern() {
    return Optional.ofNullable(SqlUnparse.stringValueOrNull(pattern));
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(scope, pattern);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SHOW");
    writer.keyword(kind.sql);
    if (scope != null) {
      writer.keyword("FROM");
      scope.unparse(writer, 0, 0);
    }
    if (pattern != null) {
      writer.keyword(notLike ? "NOT LIKE" : "LIKE");
      pattern.unparse(writer, 0, 0);
    }
  }
}
