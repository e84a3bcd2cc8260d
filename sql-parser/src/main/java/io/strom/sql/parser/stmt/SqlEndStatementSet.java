package io.strom.sql.parser.stmt;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code END}: closes the statement set that {@link SqlBeginStatementSet BEGIN STATEMENT SET}
 * opened.
 * {@link io.strom.sql.parser.StromSqlParser#parseScript} folds such a block into one {@link
 * io.strom.sql.parser.dml.SqlExecute}.
 */
public final class SqlEndStatementSet extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("END", SqlKind.OTHER);

  public SqlEndStatementSet(SqlParserPos pos) {
    super(pos);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("END");
  }
}
