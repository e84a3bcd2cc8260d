package io.strom.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import io.strom.sql.parser.common.SqlUnparse;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/** A physical column: {@code name type [NOT NULL] [PRIMARY KEY NOT ENFORCED] [COMMENT '...']}. */
public final class SqlRegularColumn extends SqlTableColumn {
  private final SqlDataTypeSpec type;
  private final SqlTableConstraint constraint;

  /**
   * @param constraint an inline primary key on this column, or null
   * @param comment the COMMENT literal, or null
   */
  public SqlRegularColumn(
      SqlParserPos pos,
      SqlIdentifier name,
      SqlDataTypeSpec type,
      SqlTableConstraint constraint,
      SqlNode comment) {
    super(pos, name, comment);
    this.type = requireNonNull(type, "type");
    if (constraint != null && !constraint.isInline()) {
      throw new IllegalArgumentException("a column holds only an inline constraint");
    }
    this.constraint = constraint;
  }

  public SqlDataTypeSpec type() {
    return type;
  }

  /** The inline {@code PRIMARY KEY NOT ENFORCED}, if declared on this column. */
  public Optional<SqlTableConstraint> constraint() {
    return Optional.ofNullable(constraint);
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name(), type, constraint, comment());
  }

  @Override
  protected void unparseDefinition(SqlWriter writer) {
    SqlUnparse.type(writer, type);
    if (constraint != null) {
      constraint.unparse(writer, 0, 0);
    }
  }
}
