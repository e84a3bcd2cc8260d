package io.strom.sql.parser.stmt;

import static java.util.Objects.requireNonNull;

import io.strom.sql.parser.common.SqlUnparse;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code ADD JAR 'path'} or {@code REMOVE JAR 'path'}: changes the session's class path. */
public final class SqlJar extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("JAR", SqlKind.OTHER);

  /** Whether the jar is added or removed. */
  public enum Action {
    ADD,
    REMOVE
  }

  private final Action action;
  private final SqlNode path;

  public SqlJar(SqlParserPos pos, Action action, SqlNode path) {
    super(pos);
    this.action = requireNonNull(action, "action");
    this.path = requireNonNull(path, "path");
  }

  public Action action() {
    return action;
  }

  public String path() {
    return SqlUnparse.stringValue(path);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(path);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(action.name());
    writer.keyword("JAR");
    path.unparse(writer, 0, 0);
  }
}
