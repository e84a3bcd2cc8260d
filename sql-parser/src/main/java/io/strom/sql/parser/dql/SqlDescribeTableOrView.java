package io.strom.sql.parser.dql;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code DESCRIBE [EXTENDED] name} (also spelled {@code DESC}): shows a table's or view's
 * schema.
 */
public final class SqlDescribeTableOrView extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DESCRIBE", SqlKind.DESCRIBE_TABLE);

  private final SqlIdentifier name;
  private final boolean extended;

  public SqlDescribeTableOrView(SqlParserPos pos, SqlIdentifier name, boolean extended) {
    super(pos);
    this.name = requireNonNull(name, "name");
    this.extended = extended;
  }

  public SqlIdentifier name() {
    return name;
  }

  public boolean isExtended() {
    return extended;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DESCRIBE");
    if (extended) {
      writer.keyword("EXTENDED");
    }
    name.unparse(writer, 0, 0);
  }
}
