package io.strom.sql.parser.ddl;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP CATALOG [IF EXISTS] name}. */
public final class SqlDropCatalog extends SqlDropObject {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DROP CATALOG", SqlKind.OTHER_DDL);

  public SqlDropCatalog(SqlParserPos pos, SqlIdentifier name, boolean ifExists) {
    super(OPERATOR, pos, name, ifExists);
  }

  @Override
  protected String objectKeywords() {
    return "CATALOG";
  }
}
