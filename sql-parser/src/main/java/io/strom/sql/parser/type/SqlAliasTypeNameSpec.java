package io.strom.sql.parser.type;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Litmus;

/**
 * A Flink type name that stands for a standard type: {@code STRING} (VARCHAR of the largest
 * length), {@code BYTES} (VARBINARY of the largest length) and {@code TIMESTAMP_LTZ(p)} (TIMESTAMP
 * WITH LOCAL TIME ZONE). It derives the standard type but writes itself back under its own name.
 */
public final class SqlAliasTypeNameSpec extends SqlBasicTypeNameSpec {
  /** The aliases, with the standard type each stands for. */
  public enum Alias {
    STRING(SqlTypeName.VARCHAR, Integer.MAX_VALUE),
    BYTES(SqlTypeName.VARBINARY, Integer.MAX_VALUE),
    TIMESTAMP_LTZ(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, -1);

    private final SqlTypeName typeName;
    private final int fixedPrecision;

    Alias(SqlTypeName typeName, int fixedPrecision) {
      this.typeName = typeName;
      this.fixedPrecision = fixedPrecision;
    }

    /** The standard type the alias stands for. */
    public SqlTypeName typeName() {
      return typeName;
    }
  }

  private final Alias alias;

  /** @param precision the precision written (TIMESTAMP_LTZ only), or -1 */
  public SqlAliasTypeNameSpec(Alias alias, int precision, SqlParserPos pos) {
    super(
        requireNonNull(alias, "alias").typeName,
        alias.fixedPrecision >= 0 ? alias.fixedPrecision : precision,
        pos);
    if (alias.fixedPrecision >= 0 && precision >= 0) {
      throw new IllegalArgumentException(alias + " takes no precision");
    }
    this.alias = alias;
  }

  public Alias alias() {
    return alias;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(alias.name());
    if (alias.fixedPrecision < 0 && getPrecision() >= 0) {
      SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.FUN_CALL, "(", ")");
      writer.print(getPrecision());
      writer.endList(frame);
    }
  }

  @Override
  public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
    if (!(spec instanceof SqlAliasTypeNameSpec that) || that.alias != alias) {
      return litmus.fail("{} != {}", this, spec);
    }
    return super.equalsDeep(spec, litmus);
  }
}
