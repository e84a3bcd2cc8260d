package io.strom.sql.parser.ddl;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code DROP DATABASE [IF EXISTS] [catalog.]name [RESTRICT | CASCADE]}; RESTRICT is the
 * default.
 */
public final class SqlDropDatabase extends SqlDropObject {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DROP DATABASE", SqlKind.DROP_SCHEMA);

  private final boolean cascade;

  public SqlDropDatabase(SqlParserPos pos, SqlIdentifier name, boolean ifExists, boolean cascade) {
    super(OPERATOR, pos, name, ifExists);
    this.cascade = cascade;
  }

  /** Whether the database's tables, views and functions are dropped with it. */
  public boolean isCascade() {
    return cascade;
  }

  @Override
  protected String objectKeywords() {
    return "DATABASE";
  }

  @Override
  protected void unparseSuffix(SqlWriter writer) {
    if (cascade) {
      writer.keyword("CASCADE");
    }
  }
}
