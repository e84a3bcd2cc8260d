package io.strom.sql.parser.type;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.validate.SqlValidator;

/** Derivation shared by the nested type specs. */
final class TypeSpecs {
  private TypeSpecs() {}

  /** The type of a nested element or field: nullable unless declared NOT NULL. */
  static RelDataType derive(SqlValidator validator, SqlDataTypeSpec spec) {
    RelDataType type = spec.getTypeNameSpec().deriveType(validator);
    boolean nullable = !Boolean.FALSE.equals(spec.getNullable());
    return validator.getTypeFactory().createTypeWithNullability(type, nullable);
  }
}
