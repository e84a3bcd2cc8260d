package io.strom.codegen.functions;

import io.strom.codegen.types.StromTypeFactory;
import io.strom.codegen.types.TimeAttributeType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Flink's windowing table-valued functions: {@code TUMBLE}, {@code HOP}, {@code CUMULATE} and
 * {@code SESSION}. Each returns its input's columns (the time column becoming a plain timestamp)
 * followed by {@code window_start}, {@code window_end} and {@code window_time}, the last a time
 * attribute of the same kind as the time column, so results can be windowed again.
 */
public final class WindowTableFunctions {
  private WindowTableFunctions() {}

  public static final String WINDOW_START = "window_start";
  public static final String WINDOW_END = "window_end";
  public static final String WINDOW_TIME = "window_time";

  public static final SqlWindowTableFunction TUMBLE =
      new WindowFunction("TUMBLE", List.of("DATA", "TIMECOL", "SIZE", "OFFSET"), 3);
  public static final SqlWindowTableFunction HOP =
      new WindowFunction("HOP", List.of("DATA", "TIMECOL", "SLIDE", "SIZE", "OFFSET"), 4);
  public static final SqlWindowTableFunction CUMULATE =
      new WindowFunction("CUMULATE", List.of("DATA", "TIMECOL", "STEP", "SIZE", "OFFSET"), 4);
  public static final SqlWindowTableFunction SESSION =
      new WindowFunction("SESSION", List.of("DATA", "TIMECOL", "GAP"), 3);

  /** All of them, for the operator table. */
  public static List<SqlOperator> all() {
    return List.of(TUMBLE, HOP, CUMULATE, SESSION);
  }

  private static final class WindowFunction extends SqlWindowTableFunction {
    WindowFunction(String name, List<String> params, int mandatory) {
      super(name, new Operands(params, mandatory));
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
      return WindowFunction::inferRowType;
    }

    private static RelDataType inferRowType(SqlOperatorBinding binding) {
      RelDataTypeFactory factory = binding.getTypeFactory();
      RelDataType input = binding.getOperandType(0);
      RelDataTypeField time = timeColumn(binding);
      String timeColumn = time == null ? null : time.getName();
      RelDataType timeType =
          time == null ? factory.createSqlType(SqlTypeName.TIMESTAMP, 3) : time.getType();
      RelDataTypeFactory.Builder row = factory.builder();
      for (RelDataTypeField field : input.getFieldList()) {
        RelDataType type = field.getType();
        if (field.getName().equals(timeColumn) && type instanceof TimeAttributeType) {
          // The time column stays as a value; window_time carries the time attribute on.
          type = factory.createTypeWithNullability(
              factory.createSqlType(type.getSqlTypeName(), type.getPrecision()), type.isNullable());
        }
        row.add(field.getName(), type);
      }
      RelDataType bound = factory.createSqlType(SqlTypeName.TIMESTAMP, 3);
      row.add(WINDOW_START, bound);
      row.add(WINDOW_END, bound);
      RelDataType windowTime = timeType instanceof TimeAttributeType attribute
          ? ((StromTypeFactory) factory).createTimeAttributeType(
              attribute.getSqlTypeName(), 3, attribute.kind(), false)
          : factory.createTypeWithNullability(
              factory.createSqlType(timeType.getSqlTypeName(), 3), false);
      row.add(WINDOW_TIME, windowTime);
      return row.build();
    }
  }

  /**
   * The input column that DESCRIPTOR names, or null: found by name while validating, by position
   * once the call is a row expression.
   */
  static RelDataTypeField timeColumn(SqlOperatorBinding binding) {
    RelDataType input = binding.getOperandType(0);
    if (binding instanceof SqlCallBinding call) {
      SqlNode descriptor = call.operand(1);
      if (descriptor.getKind() != SqlKind.DESCRIPTOR) {
        return null;
      }
      List<SqlNode> names = ((org.apache.calcite.sql.SqlCall) descriptor).getOperandList();
      if (names.size() != 1 || !(names.get(0) instanceof org.apache.calcite.sql.SqlIdentifier id)) {
        return null;
      }
      return input.getField(id.getSimple(), false, false);
    }
    if (binding instanceof org.apache.calcite.rex.RexCallBinding rex
        && rex.operands().get(1) instanceof org.apache.calcite.rex.RexCall descriptor
        && descriptor.getOperands().size() == 1
        && descriptor.getOperands().get(0) instanceof org.apache.calcite.rex.RexInputRef ref) {
      return input.getFieldList().get(ref.getIndex());
    }
    return null;
  }

  /** The operands: a table, a DESCRIPTOR of one time attribute column, then intervals. */
  private static final class Operands implements SqlOperandMetadata {
    private final List<String> names;
    private final int mandatory;

    Operands(List<String> names, int mandatory) {
      this.names = names;
      this.mandatory = mandatory;
    }

    @Override
    public List<RelDataType> paramTypes(RelDataTypeFactory factory) {
      List<RelDataType> types = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        types.add(factory.createSqlType(SqlTypeName.ANY));
      }
      return types;
    }

    @Override
    public List<String> paramNames() {
      return names;
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      SqlNode descriptor = binding.operand(1);
      if (descriptor.getKind() != SqlKind.DESCRIPTOR) {
        return fail(binding, throwOnFailure, "its second argument must be DESCRIPTOR(time column)");
      }
      List<SqlNode> described = ((org.apache.calcite.sql.SqlCall) descriptor).getOperandList();
      if (described.size() != 1) {
        return fail(binding, throwOnFailure, "DESCRIPTOR must name exactly one time column");
      }
      RelDataTypeField time = timeColumn(binding);
      if (time == null) {
        return fail(binding, throwOnFailure,
            "the table has no column '" + described.get(0) + "' to use as time column");
      }
      if (!(time.getType() instanceof TimeAttributeType)) {
        return fail(binding, throwOnFailure,
            "the time column '" + time.getName() + "' must be a time attribute (a column with a"
                + " WATERMARK, or PROCTIME()), but is " + time.getType());
      }
      for (int i = 2; i < binding.getOperandCount(); i++) {
        RelDataType type = binding.getOperandType(i);
        if (!SqlTypeUtil.isInterval(type)
            || type.getSqlTypeName().getFamily() != SqlTypeFamily.INTERVAL_DAY_TIME) {
          return fail(binding, throwOnFailure,
              "argument " + names.get(Math.min(i, names.size() - 1)) + " must be a day-time"
                  + " INTERVAL such as INTERVAL '10' MINUTE, but is " + type);
        }
      }
      return true;
    }

    private static boolean fail(SqlCallBinding binding, boolean throwOnFailure, String why) {
      if (throwOnFailure) {
        String message = "Window function " + binding.getOperator().getName() + ": " + why;
        org.apache.calcite.sql.parser.SqlParserPos pos = binding.getCall().getParserPosition();
        throw new org.apache.calcite.runtime.CalciteContextException(
            message,
            new org.apache.calcite.sql.validate.SqlValidatorException(message, null),
            pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
      }
      return false;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
      return SqlOperandCountRanges.between(mandatory, names.size());
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
      StringBuilder s = new StringBuilder(opName).append("(TABLE table_name, DESCRIPTOR(timecol)");
      for (int i = 2; i < names.size(); i++) {
        s.append(", ").append(i >= mandatory ? "[" : "").append(names.get(i)).append(" INTERVAL")
            .append(i >= mandatory ? "]" : "");
      }
      return s.append(')').toString();
    }

    @Override
    public boolean isOptional(int i) {
      return i >= mandatory;
    }
  }
}
