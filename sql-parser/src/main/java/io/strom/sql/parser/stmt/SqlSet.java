package io.strom.sql.parser.stmt;

import io.strom.sql.parser.common.SqlUnparse;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * The session statement {@code SET 'key' = 'value'}, or {@code SET} alone, which lists the
 * session's settings.
 */
public final class SqlSet extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("SET", SqlKind.OTHER);

  private final SqlNode key;
  private final SqlNode value;

  /** Key and value are both given, or both null. */
  public SqlSet(SqlParserPos pos, SqlNode key, SqlNode value) {
    super(pos);
    if ((key == null) != (value == null)) {
      throw new IllegalArgumentException("SET needs both a key and a value, or neither");
    }
    this.key = key;
    this.value = value;
  }

  /** The key; empty for SET alone. */
  public Optional<String> key() {
    return Optional.ofNullable(SqlUnparse.stringValueOrNull(key));
  }

  /** The value; empty for SET alone. */
  public Optional<String> value() {
    return Optional.ofNullable(SqlUnparse.stringValueOrNull(value));
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(key, value);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SET");
    if (key != null) {
      key.unparse(writer, 0, 0);
      writer.keyword("=");
      value.unparse(writer, 0, 0);
    }
  }
}
