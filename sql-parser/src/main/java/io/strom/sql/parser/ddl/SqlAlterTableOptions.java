package io.strom.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import io.strom.sql.parser.common.SqlUnparse;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code ALTER TABLE name SET ('key' = 'value', ...)}: adds or changes table options. */
public final class SqlAlterTableOptions extends SqlAlterTable {
  private final SqlNodeList options;

  public SqlAlterTableOptions(
      SqlParserPos pos, SqlIdentifier name, boolean ifExists, SqlNodeList options) {
    super(pos, name, ifExists);
    this.options = requireNonNull(options, "options");
  }

  /** The options to set, each a {@link io.strom.sql.parser.common.SqlKeyValue}. */
  public SqlNodeList options() {
    return options;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name(), options);
  }

  @Override
  protected void unparseAction(SqlWriter writer) {
    writer.keyword("SET");
    SqlUnparse.list(writer, options);
  }
}
