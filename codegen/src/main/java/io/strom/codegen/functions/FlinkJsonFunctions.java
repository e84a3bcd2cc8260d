package io.strom.codegen.functions;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlJsonQueryFunction;
import org.apache.calcite.sql.fun.SqlJsonValueFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * JSON_VALUE and JSON_QUERY typed as in Flink: a nullable STRING unless a RETURNING clause names
 * the type, where Calcite's standard operators give VARCHAR(2000). The parser builds these calls
 * with the standard operators, but validation looks the function up by name in {@link
 * StromOperatorTable} and puts these in their place; everything else, the conversion to row
 * expressions included, is the standard operators' since these extend them.
 */
public final class FlinkJsonFunctions {
  private FlinkJsonFunctions() {}

  public static final SqlJsonValueFunction JSON_VALUE = new JsonValue();
  public static final SqlJsonQueryFunction JSON_QUERY = new JsonQuery();

  /** A nullable STRING: the result when nothing else is asked for (or no path matches). */
  private static RelDataType nullableString(SqlOperatorBinding binding) {
    RelDataTypeFactory types = binding.getTypeFactory();
    return types.createTypeWithNullability(
        types.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), true);
  }

  /**
   * Whether the call names its result type. Only a call being validated still shows its RETURNING
   * clause; a row expression has it in its type already.
   */
  private static boolean returning(SqlOperatorBinding binding, boolean value) {
    if (!(binding instanceof SqlCallBinding call)) {
      return false;
    }
    return value
        ? SqlJsonValueFunction.hasExplicitTypeSpec(call.operands())
        : SqlJsonQueryFunction.hasExplicitTypeSpec(call.operands());
  }

  private static final class JsonValue extends SqlJsonValueFunction {
    JsonValue() {
      super("JSON_VALUE");
    }

    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
      return returning(binding, true) ? super.inferReturnType(binding) : nullableString(binding);
    }
  }

  private static final class JsonQuery extends SqlJsonQueryFunction {
    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
      if (!returning(binding, false)) {
        return nullableString(binding);
      }
      RelDataType type = super.inferReturnType(binding);
      RelDataType element = type.getComponentType();
      if (element != null && !SqlTypeUtil.inCharFamily(element)) {
        // As in Flink, an array comes back with its elements as strings only.
        SqlParserPos pos = ((SqlCallBinding) binding).getCall().getParserPosition();
        String message = "Unsupported array element type '" + element.getFullTypeString()
            + "' for RETURNING ARRAY in JSON_QUERY(); use RETURNING ARRAY<STRING>";
        throw new CalciteContextException(message, new SqlValidatorException(message, null),
            pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
      }
      return type;
    }
  }
}
