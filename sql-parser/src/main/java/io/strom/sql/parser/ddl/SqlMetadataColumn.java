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

/**
 * A metadata column, read from (and unless VIRTUAL, written to) the connector's metadata: {@code
 * name type METADATA [FROM 'key'] [VIRTUAL] [COMMENT '...']}.
 */
public final class SqlMetadataColumn extends SqlTableColumn {
  private final SqlDataTypeSpec type;
  private final SqlNode metadataKey;
  private final boolean isVirtual;

  /** @param metadataKey the FROM literal, or null when the key is the column's name */
  public SqlMetadataColumn(
      SqlParserPos pos,
      SqlIdentifier name,
      SqlDataTypeSpec type,
      SqlNode metadataKey,
      boolean isVirtual,
      SqlNode comment) {
    super(pos, name, comment);
    this.type = requireNonNull(type, "type");
    this.metadataKey = metadataKey;
    this.isVirtual = isVirtual;
  }

  public SqlDataTypeSpec type() {
    return type;
  }

  /** The metadata key given with FROM; empty when the column's name is the key. */
  public Optional<String> metadataKey() {
    return Optional.ofNullable(SqlUnparse.stringValueOrNull(metadataKey));
  }

  /** Whether the column is read-only (excluded when the table is written to). */
  public boolean isVirtual() {
    return isVirtual;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name(), type, metadataKey, comment());
  }

  @Override
  protected void unparseDefinition(SqlWriter writer) {
    SqlUnparse.type(writer, type);
    writer.keyword("METADATA");
    if (metadataKey != null) {
      writer.keyword("FROM");
      metadataKey.unparse(writer, 0, 0);
    }
    if (isVirtual) {
      writer.keyword("VIRTUAL");
    }
  }
}
