package io.strom.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** The shared shape of Strom's DROP statements: {@code DROP <object> [IF EXISTS] name}. */
public abstract sealed class SqlDropObject extends SqlDrop
    permits SqlDropTable, SqlDropView, SqlDropFunction, SqlDropCatalog, SqlDropDatabase {
  private final SqlIdentifier name;

  SqlDropObject(SqlOperator operator, SqlParserPos pos, SqlIdentifier name, boolean ifExists) {
    super(operator, pos, ifExists);
    this.name = requireNonNull(name, "name");
  }

  public SqlIdentifier name() {
    return name;
  }

  public boolean ifExists() {
    return ifExists;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override
  public final void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP");
    writer.keyword(objectKeywords());
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
    unparseSuffix(writer);
  }

  /** The words between DROP and the name, e.g. {@code TEMPORARY VIEW}. */
  protected abstract String objectKeywords();

  /** Writes what follows the name; nothing unless overridden. */
  protected void unparseSuffix(SqlWriter writer) {}
}
