package io.strom.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** The shared shape of {@code ALTER TABLE [IF EXISTS] name <action>}. */
public abstract sealed class SqlAlterTable extends SqlCall
    permits SqlAlterTableOptions, SqlAlterTableReset, SqlAlterTableRename {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

  private final SqlIdentifier name;
  private final boolean ifExists;

  SqlAlterTable(SqlParserPos pos, SqlIdentifier name, boolean ifExists) {
    super(pos);
    this.name = requireNonNull(name, "name");
    this.ifExists = ifExists;
  }

  public SqlIdentifier name() {
    return name;
  }

  public boolean ifExists() {
    return ifExists;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public final void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER TABLE");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
    unparseAction(writer);
  }

  /** Writes what the statement changes. */
  protected abstract void unparseAction(SqlWriter writer);
}
