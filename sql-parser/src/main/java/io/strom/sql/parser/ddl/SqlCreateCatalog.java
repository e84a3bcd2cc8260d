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

/** {@code CREATE CATALOG [IF NOT EXISTS] name [COMMENT '...'] WITH ('type' = '...', ...)}. */
public final class SqlCreateCatalog extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE CATALOG", SqlKind.OTHER_DDL);

  private final SqlIdentifier name;
  private final SqlNode comment;
  private final SqlNodeList options;

  public SqlCreateCatalog(
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

  public SqlIdentifier name() {
    return name;
  }

  public Optional<String> commentText() {
    return Optional.ofNullable(SqlUnparse.stringValueOrNull(comment));
  }

  /** The WITH options, each a {@link io.strom.sql.parser.common.SqlKeyValue}. */
  public SqlNodeList options() {
    return options;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, comment, options);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE CATALOG");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    SqlUnparse.comment(writer, comment);
    // WITH is required here, even when empty.
    if (options.isEmpty()) {
      writer.keyword("WITH");
      SqlUnparse.list(writer, options);
    } else {
      SqlUnparse.options(writer, options);
    }
  }
}
