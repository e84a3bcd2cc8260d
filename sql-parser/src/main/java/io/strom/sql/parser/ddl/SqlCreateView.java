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

/** {@code CREATE [TEMPORARY] VIEW [IF NOT EXISTS] name [(columns)] [COMMENT '...'] AS query}. */
public final class SqlCreateView extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE VIEW", SqlKind.CREATE_VIEW);

  private final SqlIdentifier name;
  private final SqlNodeList columnNames;
  private final SqlNode comment;
  private final SqlNode query;
  private final boolean temporary;

  /**
   * @param columnNames the renamed columns, or empty
   * @param comment the COMMENT literal, or null
   */
  public SqlCreateView(
      SqlParserPos pos,
      SqlIdentifier name,
      SqlNodeList columnNames,
      SqlNode comment,
      SqlNode query,
      boolean temporary,
      boolean ifNotExists) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = requireNonNull(name, "name");
    this.columnNames = requireNonNull(columnNames, "columnNames");
    this.comment = comment;
    this.query = requireNonNull(query, "query");
    this.temporary = temporary;
  }

  public SqlIdentifier name() {
    return name;
  }

  public SqlNodeList columnNames() {
    return columnNames;
  }

  public Optional<String> commentText() {
    return Optional.ofNullable(SqlUnparse.stringValueOrNull(comment));
  }

  public SqlNode query() {
    return query;
  }

  public boolean isTemporary() {
    return temporary;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, columnNames, comment, query);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    if (temporary) {
      writer.keyword("TEMPORARY");
    }
    writer.keyword("VIEW");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    if (!columnNames.isEmpty()) {
      SqlUnparse.list(writer, columnNames);
    }
    SqlUnparse.comment(writer, comment);
    writer.keyword("AS");
    writer.newlineAndIndent();
    query.unparse(writer, 0, 0);
  }
}
