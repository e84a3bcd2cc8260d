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
 * {@code BEGIN STATEMENT SET}: opens a statement set in the SQL client; the INSERT statements
 * up to {@link SqlEndStatementSet END} run as one job.
 * {@link io.strom.sql.parser.StromSqlParser#parseScript} folds such a block into one {@link
 * io.strom.sql.parser.dml.SqlExecute}.
 */
public final class SqlBeginStatementSet extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("BEGIN STATEMENT SET", SqlKind.OTHER);

  public SqlBeginStatementSet(SqlParserPos pos) {
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
    writer.keyword("BEGIN STATEMENT SET");
  }
}
