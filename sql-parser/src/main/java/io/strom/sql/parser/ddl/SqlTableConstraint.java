package io.strom.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import io.strom.sql.parser.common.SqlUnparse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * A primary key, always NOT ENFORCED: either inline on a column ({@code id INT PRIMARY KEY NOT
 * ENFORCED}) or on the table ({@code [CONSTRAINT pk] PRIMARY KEY (a, b) NOT ENFORCED}).
 */
public final class SqlTableConstraint extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("PRIMARY KEY", SqlKind.PRIMARY_KEY);

  private final SqlIdentifier name;
  private final SqlNodeList columns;
  private final boolean inline;

  /**
   * @param name the CONSTRAINT name, or null
   * @param inline whether the key was declared on its (single) column
   */
  public SqlTableConstraint(
      SqlParserPos pos, SqlIdentifier name, SqlNodeList columns, boolean inline) {
    super(pos);
    this.name = name;
    this.columns = requireNonNull(columns, "columns");
    if (columns.isEmpty() || (inline && columns.size() != 1)) {
      throw new IllegalArgumentException("bad key columns: " + columns);
    }
    this.inline = inline;
  }

  public Optional<SqlIdentifier> name() {
    return Optional.ofNullable(name);
  }

  public SqlNodeList columns() {
    return columns;
  }

  public List<String> columnNames() {
    List<String> names = new ArrayList<>();
    for (SqlNode column : columns) {
      names.add(((SqlIdentifier) column).getSimple());
    }
    return names;
  }

  public boolean isInline() {
    return inline;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, columns);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (name != null) {
      writer.keyword("CONSTRAINT");
      name.unparse(writer, 0, 0);
    }
    writer.keyword("PRIMARY KEY");
    if (!inline) {
      SqlUnparse.list(writer, columns);
    }
    writer.keyword("NOT ENFORCED");
  }
}
