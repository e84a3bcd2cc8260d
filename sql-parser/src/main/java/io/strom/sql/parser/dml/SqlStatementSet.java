package io.strom.sql.parser.dml;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code STATEMENT SET BEGIN insert; ... END}: INSERT statements planned together and run as one
 * job, so they can share sources.
 */
public final class SqlStatementSet extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("STATEMENT SET", SqlKind.OTHER);

  private final SqlNodeList inserts;

  public SqlStatementSet(SqlParserPos pos, List<SqlNode> inserts) {
    super(pos);
    if (inserts.isEmpty()) {
      throw new IllegalArgumentException("a statement set needs at least one INSERT");
    }
    for (SqlNode insert : inserts) {
      if (!(insert instanceof SqlStromInsert)) {
        throw new IllegalArgumentException("not an INSERT: " + insert);
      }
    }
    this.inserts = new SqlNodeList(inserts, pos);
  }

  /** The INSERT statements, each a {@link SqlStromInsert}, in order. */
  public SqlNodeList inserts() {
    return inserts;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(inserts);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("STATEMENT SET");
    writer.newlineAndIndent();
    writer.keyword("BEGIN");
    for (SqlNode insert : inserts) {
      writer.newlineAndIndent();
      insert.unparse(writer, 0, 0);
      writer.setNeedWhitespace(false);
      writer.print(";");
    }
    writer.newlineAndIndent();
    writer.keyword("END");
  }
}
