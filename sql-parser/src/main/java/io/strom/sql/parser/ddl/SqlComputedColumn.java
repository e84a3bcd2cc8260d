package io.strom.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/** A computed column: {@code name AS expression [COMMENT '...']}, e.g. {@code ts AS PROCTIME()}. */
public final class SqlComputedColumn extends SqlTableColumn {
  private final SqlNode expression;

  public SqlComputedColumn(
      SqlParserPos pos, SqlIdentifier name, SqlNode expression, SqlNode comment) {
    super(pos, name, comment);
    this.expression = requireNonNull(expression, "expression");
  }

  public SqlNode expression() {
    return expression;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name(), expression, comment());
  }

  @Override
  protected void unparseDefinition(SqlWriter writer) {
    writer.keyword("AS");
    expression.unparse(writer, 0, 0);
  }
}
