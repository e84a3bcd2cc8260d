package io.strom.sql.parser.dql;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW CURRENT CATALOG} or {@code SHOW CURRENT DATABASE}. */
public final class SqlShowCurrent extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("SHOW CURRENT", SqlKind.OTHER);

  /** Which current object is shown. */
  public enum Kind {
    CATALOG,
    DATABASE
  }

  private final Kind kind;

  public SqlShowCurrent(SqlParserPos pos, Kind kind) {
    super(pos);
    this.kind = requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
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
    writer.keyword("SHOW CURRENT");
    writer.keyword(kind.name());
  }
}
