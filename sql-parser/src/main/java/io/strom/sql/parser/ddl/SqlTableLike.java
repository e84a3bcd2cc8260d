package io.strom.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The LIKE clause of CREATE TABLE, which copies parts of another table's definition: {@code LIKE
 * source [(INCLUDING ALL EXCLUDING OPTIONS ...)]}.
 */
public final class SqlTableLike extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("LIKE TABLE", SqlKind.OTHER);

  /** How a feature of the source table is merged into the new one. */
  public enum Strategy {
    INCLUDING,
    EXCLUDING,
    OVERWRITING
  }

  /** A part of a table definition that LIKE can copy. */
  public enum Feature {
    ALL,
    CONSTRAINTS,
    GENERATED,
    METADATA,
    OPTIONS,
    PARTITIONS,
    WATERMARKS
  }

  /** One {@code INCLUDING|EXCLUDING|OVERWRITING feature} entry. */
  public record LikeOption(Strategy strategy, Feature feature) {
    public LikeOption {
      requireNonNull(strategy, "strategy");
      requireNonNull(feature, "feature");
    }
  }

  private final SqlIdentifier source;
  private final List<LikeOption> options;

  public SqlTableLike(SqlParserPos pos, SqlIdentifier source, List<LikeOption> options) {
    super(pos);
    this.source = requireNonNull(source, "source");
    this.options = List.copyOf(options);
  }

  public SqlIdentifier source() {
    return source;
  }

  /** The options in the order written; later ones refine earlier ones. */
  public List<LikeOption> options() {
    return options;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(source);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("LIKE");
    source.unparse(writer, 0, 0);
    if (options.isEmpty()) {
      return;
    }
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (LikeOption option : options) {
      writer.keyword(option.strategy().name());
      writer.keyword(option.feature().name());
    }
    writer.endList(frame);
  }
}
