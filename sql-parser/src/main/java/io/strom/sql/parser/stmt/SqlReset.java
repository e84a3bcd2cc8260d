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

/** The session statement {@code RESET 'key'}, or {@code RESET} alone, which resets them all. */
public final class SqlReset extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("RESET", SqlKind.OTHER);

  private final SqlNode key;

  /** @param key the key literal, or null to reset every key */
  public SqlReset(SqlParserPos pos, SqlNode key) {
    super(pos);
    this.key = key;
  }

  /** The key; empty when every key is reset. */
  public Optional<String> key() {
    return Optional.ofNullable(SqlUnparse.stringValueOrNull(key));
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(key);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("RESET");
    if (key != null) {
      key.unparse(writer, 0, 0);
    }
  }
}
