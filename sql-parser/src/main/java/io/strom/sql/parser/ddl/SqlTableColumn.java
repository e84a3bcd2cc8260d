package io.strom.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import io.strom.sql.parser.common.SqlUnparse;
import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A column in CREATE TABLE: physical ({@link SqlRegularColumn}), computed ({@link
 * SqlComputedColumn}) or metadata ({@link SqlMetadataColumn}).
 */
public abstract sealed class SqlTableColumn extends SqlCall
    permits SqlRegularColumn, SqlComputedColumn, SqlMetadataColumn {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("COLUMN_DECL", SqlKind.COLUMN_DECL);

  private final SqlIdentifier name;
  private final SqlNode comment;

  SqlTableColumn(SqlParserPos pos, SqlIdentifier name, SqlNode comment) {
    super(pos);
    this.name = requireNonNull(name, "name");
    this.comment = comment;
  }

  public SqlIdentifier name() {
    return name;
  }

  public String nameString() {
    return name.getSimple();
  }

  /** The COMMENT literal, or null. */
  public SqlNode comment() {
    return comment;
  }

  public Optional<String> commentText() {
    return Optional.ofNullable(SqlUnparse.stringValueOrNull(comment));
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public final void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    name.unparse(writer, 0, 0);
    unparseDefinition(writer);
    SqlUnparse.comment(writer, comment);
  }

  /** Writes what follows the name and precedes the comment. */
  protected abstract void unparseDefinition(SqlWriter writer);
}
