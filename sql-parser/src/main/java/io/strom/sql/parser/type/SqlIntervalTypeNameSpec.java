package io.strom.sql.parser.type;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

/**
 * An interval type in a column or field definition, e.g. {@code INTERVAL DAY(2) TO SECOND(3)};
 * Calcite accepts interval types only inside CAST.
 */
public final class SqlIntervalTypeNameSpec extends SqlTypeNameSpec {
  private final SqlIntervalQualifier qualifier;

  public SqlIntervalTypeNameSpec(SqlIntervalQualifier qualifier, SqlParserPos pos) {
    super(new SqlIdentifier("INTERVAL", pos), pos);
    this.qualifier = requireNonNull(qualifier, "qualifier");
  }

  public SqlIntervalQualifier qualifier() {
    return qualifier;
  }

  @Override
  public RelDataType deriveType(SqlValidator validator) {
    return validator.getTypeFactory().createSqlIntervalType(qualifier);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("INTERVAL");
    qualifier.unparse(writer, 0, 0);
  }

  @Override
  public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
    if (!(spec instanceof SqlIntervalTypeNameSpec that)
        || !qualifier.equalsDeep(that.qualifier, litmus)) {
      return litmus.fail("{} != {}", this, spec);
    }
    return litmus.succeed();
  }
}
