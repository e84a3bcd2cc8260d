package io.strom.sql.parser.common;

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
 * A {@code key = value} pair: a table option ({@code 'connector' = 'kafka'}) or a static
 * partition value of an INSERT ({@code dt = '2024-01-01'}).
 */
public final class SqlKeyValue extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("KEY_VALUE", SqlKind.OTHER);

  private final SqlNode key;
  private final SqlNode value;

  public SqlKeyValue(SqlParserPos pos, SqlNode key, SqlNode value) {
    super(pos);
    this.key = requireNonNull(key, "key");
    this.value = requireNonNull(value, "value");
  }

  public SqlNode key() {
    return key;
  }

  public SqlNode value() {
    return value;
  }

  /** The key as text: the string's value, or the identifier's name. */
  public String keyString() {
    return key instanceof SqlIdentifier id ? id.toString() : SqlUnparse.stringValue(key);
  }

  /** The value as text, without quotes. */
  public String valueString() {
    return SqlUnparse.stringValue(value);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(key, value);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    SqlUnparse.string(writer, key);
    writer.keyword("=");
    SqlUnparse.string(writer, value);
  }
}
