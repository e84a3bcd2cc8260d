package io.strom.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import io.strom.sql.parser.common.SqlUnparse;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/** {@code CREATE DATABASE [IF NOT EXISTS] [catalog.]name [COMMENT '...'] [WITH (...)]}. */
public final class SqlCreateDatabase extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE DATABASE", SqlKind.CREATE_SCHEMA);

  private final SqlIdentifier name;
  private final SqlNode comment;
  private final SqlNodeList options;

  public SqlCreateDatabase(
      SqlParserPos pos,
      SqlIdentifier name,
      SqlNode comment,
      SqlNodeList options,
      boolean ifNotExists) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = requireNonNull(name, "name");
    this.comment = comment;
    this.options = requireNonNull(options, "options");
  }

  /** The database, possibly qualified by its catalog. */
  public SqlIdentifier name() {
    return name;
  }

  public Optional<String> commentText() {
    return Optional.ofNullable(SqlUnparse.stringValueOrNull(comment));
  }

  public SqlNodeList options() {
    return options;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, comment, options);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE DATABASE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    SqlUnparse.comment(writer, comment);
    SqlUnparse.options(writer, options);
  }
}
