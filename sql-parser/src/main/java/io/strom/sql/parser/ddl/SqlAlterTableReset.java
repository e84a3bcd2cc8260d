package io.strom.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import io.strom.sql.parser.common.SqlUnparse;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code ALTER TABLE name RESET ('key', ...)}: removes table options. */
public final class SqlAlterTableReset extends SqlAlterTable {
  private final SqlNodeList keys;

  public SqlAlterTableReset(
      SqlParserPos pos, SqlIdentifier name, boolean ifExists, SqlNodeList keys) {
    super(pos, name, ifExists);
    this.keys = requireNonNull(keys, "keys");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("RESET needs at least one key");
    }
  }

  public List<String> keys() {
    List<String> list = new ArrayList<>();
    for (SqlNode key : keys) {
      list.add(SqlUnparse.stringValue(key));
    }
    return list;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name(), keys);
  }

  @Override
  protected void unparseAction(SqlWriter writer) {
    writer.keyword("RESET");
    SqlUnparse.list(writer, keys);
  }
}
