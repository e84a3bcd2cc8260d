package io.strom.sql.parser.dml;

import static java.util.Objects.requireNonNull;

import io.strom.sql.parser.common.SqlUnparse;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Calcite's INSERT plus what streaming SQL adds: {@code INSERT INTO | OVERWRITE table [PARTITION
 * (k = v, ...)] [(columns)] query}. It stays a {@link org.apache.calcite.sql.SqlInsert}, so the
 * validator treats it as one.
 */
public final class SqlStromInsert extends org.apache.calcite.sql.SqlInsert {
  private final boolean overwrite;
  private final SqlNodeList staticPartition;

  /**
   * @param columns the target columns, or null for all
   * @param staticPartition the PARTITION values, each a {@link
   *     io.strom.sql.parser.common.SqlKeyValue}; empty when none
   */
  public SqlStromInsert(
      SqlParserPos pos,
      SqlNodeList keywords,
      SqlNode table,
      SqlNode source,
      SqlNodeList columns,
      boolean overwrite,
      SqlNodeList staticPartition) {
    super(pos, keywords, table, source, columns);
    this.overwrite = overwrite;
    this.staticPartition = requireNonNull(staticPartition, "staticPartition");
  }

  /** Whether the target's contents (or the partition's) are replaced rather than appended to. */
  public boolean isOverwrite() {
    return overwrite;
  }

  public SqlNodeList staticPartition() {
    return staticPartition;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT);
    writer.sep(isUpsert() ? "UPSERT" : "INSERT");
    writer.keyword(overwrite ? "OVERWRITE" : "INTO");
    getTargetTable().unparse(writer, 0, 0);
    if (!staticPartition.isEmpty()) {
      writer.keyword("PARTITION");
      SqlUnparse.list(writer, staticPartition);
    }
    if (getTargetColumnList() != null) {
      SqlUnparse.list(writer, getTargetColumnList());
    }
    writer.newlineAndIndent();
    getSource().unparse(writer, 0, 0);
    writer.endList(frame);
  }
}
