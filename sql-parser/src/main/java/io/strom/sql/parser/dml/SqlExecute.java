package io.strom.sql.parser.dml;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code EXECUTE statement}: runs a statement set, an INSERT or a query. The SQL client's {@code
 * BEGIN STATEMENT SET; ...; END;} comes out of {@link
 * io.strom.sql.parser.StromSqlParser#parseScript} as one of these too.
 */
public final class SqlExecute extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("EXECUTE", SqlKind.OTHER);

  private final SqlNode statement;

  public SqlExecute(SqlParserPos pos, SqlNode statement) {
    super(pos);
    this.statement = requireNonNull(statement, "statement");
  }

  /** What runs: a {@link SqlStatementSet}, a {@link SqlStromInsert} or a query. */
  public SqlNode statement() {
    return statement;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(statement);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("EXECUTE");
    statement.unparse(writer, 0, 0);
  }
}
