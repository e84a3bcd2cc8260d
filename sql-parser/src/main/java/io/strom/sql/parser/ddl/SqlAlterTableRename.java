package io.strom.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code ALTER TABLE name RENAME TO newName}. */
public final class SqlAlterTableRename extends SqlAlterTable {
  private final SqlIdentifier newName;

  public SqlAlterTableRename(
      SqlParserPos pos, SqlIdentifier name, boolean ifExists, SqlIdentifier newName) {
    super(pos, name, ifExists);
    this.newName = requireNonNull(newName, "newName");
  }

  public SqlIdentifier newName() {
    return newName;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name(), newName);
  }

  @Override
  protected void unparseAction(SqlWriter writer) {
    writer.keyword("RENAME TO");
    newName.unparse(writer, 0, 0);
  }
}
