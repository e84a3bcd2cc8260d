package io.strom.sql.parser.type;

import static java.util.Objects.requireNonNull;

import io.strom.sql.parser.common.SqlUnparse;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

/** {@code MAP<key, value>}, whose key and value types may be declared NOT NULL. */
public final class SqlAngleMapTypeNameSpec extends SqlTypeNameSpec {
  private final SqlDataTypeSpec key;
  private final SqlDataTypeSpec value;

  public SqlAngleMapTypeNameSpec(SqlDataTypeSpec key, SqlDataTypeSpec value, SqlParserPos pos) {
    super(new SqlIdentifier("MAP", pos), pos);
    this.key = requireNonNull(key, "key");
    this.value = requireNonNull(value, "value");
  }

  public SqlDataTypeSpec key() {
    return key;
  }

  public SqlDataTypeSpec value() {
    return value;
  }

  @Override
  public RelDataType deriveType(SqlValidator validator) {
    return validator
        .getTypeFactory()
        .createMapType(TypeSpecs.derive(validator, key), TypeSpecs.derive(validator, value));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("MAP");
    SqlUnparse.openAngle(writer);
    SqlUnparse.type(writer, key);
    SqlUnparse.angleComma(writer);
    SqlUnparse.type(writer, value);
    SqlUnparse.closeAngle(writer);
  }

  @Override
  public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
    if (!(spec instanceof SqlAngleMapTypeNameSpec that)
        || !key.equalsDeep(that.key, litmus)
        || !value.equalsDeep(that.value, litmus)) {
      return litmus.fail("{} != {}", this, spec);
    }
    return litmus.succeed();
  }
}
