package io.strom.sql.parser.ddl;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP [TEMPORARY [SYSTEM]] FUNCTION [IF EXISTS] name}. */
public final class SqlDropFunction extends SqlDropObject {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DROP FUNCTION", SqlKind.DROP_FUNCTION);

  private final boolean temporary;
  private final boolean system;

  public SqlDropFunction(
      SqlParserPos pos, SqlIdentifier name, boolean ifExists, boolean temporary, boolean system) {
    super(OPERATOR, pos, name, ifExists);
    if (system && !temporary) {
      throw new IllegalArgumentException("a SYSTEM function is TEMPORARY");
    }
    this.temporary = temporary;
    this.system = system;
  }

  public boolean isTemporary() {
    return temporary;
  }

  public boolean isSystem() {
    return system;
  }

  @Override
  protected String objectKeywords() {
    return system ? "TEMPORARY SYSTEM FUNCTION" : temporary ? "TEMPORARY FUNCTION" : "FUNCTION";
  }
}
