package io.strom.sql.parser.ddl;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP [TEMPORARY] VIEW [IF EXISTS] name}. */
public final class SqlDropView extends SqlDropObject {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DROP VIEW", SqlKind.DROP_VIEW);

  private final boolean temporary;

  public SqlDropView(SqlParserPos pos, SqlIdentifier name, boolean ifExists, boolean temporary) {
    super(OPERATOR, pos, name, ifExists);
    this.temporary = temporary;
  }

  /** Whether only a temporary view is dropped. */
  public boolean isTemporary() {
    return temporary;
  }

  @Override
  protected String objectKeywords() {
    return temporary ? "TEMPORARY VIEW" : "VIEW";
  }
}
