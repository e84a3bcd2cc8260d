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

/** {@code SHOW CREATE TABLE name} or {@code SHOW CREATE VIEW name}: prints an object's DDL. */
public final class SqlShowCreate extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("SHOW CREATE", SqlKind.OTHER);

  /** The kind of object whose DDL is shown. */
  public enum Kind {
    TABLE,
    VIEW
  }

  private final Kind kind;
  private final SqlIdentifier name;

  public SqlShowCreate(SqlParserPos pos, Kind kind, SqlIdentifier name) {
    super(pos);
    this.kind = requireNonNull(kind, "kind");
    this.name = requireNonNull(name, "name");
  }

  public Kind kind() {
    return kind;
  }

  public SqlIdentifier name() {
    return name;
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
    writer.keyword("SHOW CREATE");
    writer.keyword(kind.name());
    name.unparse(writer, 0, 0);
  }
}
