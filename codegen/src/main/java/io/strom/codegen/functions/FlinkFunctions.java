package io.strom.codegen.functions;

import org.apache.calcite.sql.SqlKind;

import org.apache.calcite.sql.SqlAggFunction;

import io.strom.codegen.types.StromTypeSystem;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/**
 * Flink's built-in functions that Calcite's standard operator table lacks or types differently,
 * defined with Flink's names, operand checks and result types. Registered in {@link
 * StromOperatorTable}.
 */
public final class FlinkFunctions {
  private FlinkFunctions() {}

  private static final SqlTypeFamily STR = SqlTypeFamily.CHARACTER;
  private static final SqlTypeFamily INT = SqlTypeFamily.INTEGER;
  private static final SqlTypeFamily NUM = SqlTypeFamily.NUMERIC;

  /** STRING, NULL when any argument is. */
  private static final SqlReturnTypeInference STRING_NULLABLE =
      ReturnTypes.cascade(
          ReturnTypes.explicit(SqlTypeName.VARCHAR, Integer.MAX_VALUE),
          SqlTypeTransforms.TO_NULLABLE);

  /** STRING, always nullable. */
  private static final SqlReturnTypeInference STRING_FORCE_NULLABLE =
      ReturnTypes.cascade(
          ReturnTypes.explicit(SqlTypeName.VARCHAR, Integer.MAX_VALUE),
          SqlTypeTransforms.FORCE_NULLABLE);

  private static SqlBasicFunction fn(
      String name, SqlReturnTypeInference type, SqlOperandTypeChecker operands,
      SqlFunctionCategory category) {
    return SqlBasicFunction.create(name, type, operands, category);
  }

  private static SqlFunction string(String name, SqlReturnTypeInference type,
      SqlOperandTypeChecker operands) {
    return fn(name, type, operands, SqlFunctionCategory.STRING);
  }

  private static SqlFunction family(String name, SqlReturnTypeInference type,
      SqlFunctionCategory category, SqlTypeFamily... operands) {
    return fn(name, type, OperandTypes.family(operands), category);
  }

  // ---- strings ---------------------------------------------------------------------------------

  /** FIRST_VALUE as Flink has it: an aggregate function of GROUP BY too, not only of OVER. */
  public static final SqlAggFunction FIRST_VALUE = groupValueFunction(SqlKind.FIRST_VALUE);

  /** LAST_VALUE as Flink has it: an aggregate function of GROUP BY too, not only of OVER. */
  public static final SqlAggFunction LAST_VALUE = groupValueFunction(SqlKind.LAST_VALUE);

  private static SqlAggFunction groupValueFunction(SqlKind kind) {
    return new SqlAggFunction(
        kind.name(),
        null,
        kind,
        org.apache.calcite.sql.type.ReturnTypes.ARG0_NULLABLE_IF_EMPTY,
        null,
        OperandTypes.ANY,
        org.apache.calcite.sql.SqlFunctionCategory.NUMERIC,
        false,
        false,
        org.apache.calcite.util.Optionality.FORBIDDEN) {};
  }

  public static final SqlFunction CONCAT =
      string("CONCAT", STRING_NULLABLE, OperandTypes.repeat(
          org.apache.calcite.sql.type.SqlOperandCountRanges.from(1), OperandTypes.STRING));

  /** NULL only when the separator is; NULL strings are skipped. */
  public static final SqlFunction CONCAT_WS =
      string("CONCAT_WS",
          ReturnTypes.cascade(ReturnTypes.explicit(SqlTypeName.VARCHAR, Integer.MAX_VALUE),
              SqlTypeTransforms.ARG0_NULLABLE),
          OperandTypes.repeat(
              org.apache.calcite.sql.type.SqlOperandCountRanges.from(2), OperandTypes.STRING));

  public static final SqlFunction SUBSTR =
      string("SUBSTR", STRING_NULLABLE,
          OperandTypes.or(OperandTypes.family(STR, INT), OperandTypes.family(STR, INT, INT)));

  public static final SqlFunction LTRIM = string("LTRIM", STRING_NULLABLE, OperandTypes.STRING);
  public static final SqlFunction RTRIM = string("RTRIM", STRING_NULLABLE, OperandTypes.STRING);
  public static final SqlFunction LPAD =
      string("LPAD", STRING_FORCE_NULLABLE, OperandTypes.family(STR, INT, STR));
  public static final SqlFunction RPAD =
      string("RPAD", STRING_FORCE_NULLABLE, OperandTypes.family(STR, INT, STR));
  public static final SqlFunction REPLACE =
      string("REPLACE", STRING_NULLABLE, OperandTypes.STRING_STRING_STRING);
  public static final SqlFunction LOCATE =
      string("LOCATE", ReturnTypes.INTEGER_NULLABLE,
          OperandTypes.or(OperandTypes.family(STR, STR), OperandTypes.family(STR, STR, INT)));
  public static final SqlFunction REGEXP =
      string("REGEXP", ReturnTypes.BOOLEAN_NULLABLE, OperandTypes.STRING_STRING);
  public static final SqlFunction REGEXP_EXTRACT =
      string("REGEXP_EXTRACT", STRING_FORCE_NULLABLE,
          OperandTypes.or(OperandTypes.family(STR, STR), OperandTypes.family(STR, STR, INT)));
  public static final SqlFunction REGEXP_REPLACE =
      string("REGEXP_REPLACE", STRING_FORCE_NULLABLE, OperandTypes.STRING_STRING_STRING);
  public static final SqlFunction SPLIT_INDEX =
      string("SPLIT_INDEX", STRING_FORCE_NULLABLE, OperandTypes.family(STR, STR, INT));
  /** SPLIT(string, delimiter): ARRAY&lt;STRING&gt;, NULL when either argument is. */
  public static final SqlFunction SPLIT =
      string("SPLIT", ReturnTypes.cascade(FlinkFunctions::arrayOfStrings,
          SqlTypeTransforms.TO_NULLABLE), OperandTypes.STRING_STRING);

  /**
   * STR_TO_MAP(text [, listDelimiter, keyValueDelimiter]): MAP&lt;STRING NOT NULL, STRING&gt; (a
   * pair without a value maps to NULL), NULL when an argument is.
   */
  public static final SqlFunction STR_TO_MAP =
      string("STR_TO_MAP", ReturnTypes.cascade(FlinkFunctions::mapOfStrings,
          SqlTypeTransforms.TO_NULLABLE),
          OperandTypes.or(OperandTypes.STRING, OperandTypes.STRING_STRING_STRING));

  private static RelDataType mapOfStrings(SqlOperatorBinding binding) {
    RelDataTypeFactory types = binding.getTypeFactory();
    RelDataType string = types.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE);
    return types.createMapType(string, types.createTypeWithNullability(string, true));
  }

  private static RelDataType arrayOfStrings(SqlOperatorBinding binding) {
    RelDataTypeFactory types = binding.getTypeFactory();
    RelDataType string = types.createTypeWithNullability(
        types.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), true);
    return types.createArrayType(string, -1);
  }

  public static final SqlFunction INITCAP =
      string("INITCAP", STRING_NULLABLE, OperandTypes.STRING);
  // A digest of one length is CHAR(n) of its hex digits, as in Flink.
  public static final SqlFunction MD5 = string("MD5", hex(SqlTypeName.CHAR, 32), OperandTypes.STRING);
  public static final SqlFunction SHA1 =
      string("SHA1", hex(SqlTypeName.CHAR, 40), OperandTypes.STRING);
  public static final SqlFunction SHA224 =
      string("SHA224", hex(SqlTypeName.CHAR, 56), OperandTypes.STRING);
  public static final SqlFunction SHA256 =
      string("SHA256", hex(SqlTypeName.CHAR, 64), OperandTypes.STRING);
  public static final SqlFunction SHA384 =
      string("SHA384", hex(SqlTypeName.CHAR, 96), OperandTypes.STRING);
  public static final SqlFunction SHA512 =
      string("SHA512", hex(SqlTypeName.CHAR, 128), OperandTypes.STRING);
  /**
   * {@code SHA2(str, bits)}: its length depends on {@code bits}, so VARCHAR(128), the longest digest
   * of the family, as in Flink.
   */
  public static final SqlFunction SHA2 =
      string("SHA2", hex(SqlTypeName.VARCHAR, 128), OperandTypes.family(STR, INT));
  public static final SqlFunction REVERSE =
      string("REVERSE", STRING_NULLABLE, OperandTypes.STRING);
  public static final SqlFunction REPEAT =
      string("REPEAT", STRING_NULLABLE, OperandTypes.family(STR, INT));
  public static final SqlFunction ASCII =
      string("ASCII", ReturnTypes.INTEGER_NULLABLE, OperandTypes.STRING);
  public static final SqlFunction CHR =
      string("CHR", STRING_NULLABLE, OperandTypes.family(INT));

  /** The hex digits of a digest: nullable when an argument is. */
  private static SqlReturnTypeInference hex(SqlTypeName type, int length) {
    return ReturnTypes.cascade(
        ReturnTypes.explicit(type, length), SqlTypeTransforms.TO_NULLABLE);
  }

  // ---- time ------------------------------------------------------------------------------------

  private static SqlFunction niladic(String name, SqlTypeName type, int precision) {
    return SqlBasicFunction.create(name,
            ReturnTypes.explicit(factory -> factory.createSqlType(type, precision)),
            OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE)
        .withSyntax(SqlSyntax.FUNCTION_ID)
        .withDeterministic(false)
        .withDynamic(true);
  }

  /** TIMESTAMP_LTZ(3) NOT NULL: the current instant. */
  public static final SqlFunction CURRENT_TIMESTAMP =
      niladic("CURRENT_TIMESTAMP", SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3);
  /** TIMESTAMP(3) NOT NULL: the wall-clock time in the session time zone. */
  public static final SqlFunction LOCALTIMESTAMP =
      niladic("LOCALTIMESTAMP", SqlTypeName.TIMESTAMP, 3);
  public static final SqlFunction CURRENT_TIME = niladic("CURRENT_TIME", SqlTypeName.TIME, 0);
  public static final SqlFunction LOCALTIME = niladic("LOCALTIME", SqlTypeName.TIME, 0);
  public static final SqlFunction CURRENT_DATE = SqlBasicFunction.create("CURRENT_DATE",
          ReturnTypes.DATE, OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE)
      .withSyntax(SqlSyntax.FUNCTION_ID).withDeterministic(false).withDynamic(true);

  /** NOW(): TIMESTAMP_LTZ(3) NOT NULL. */
  public static final SqlFunction NOW =
      SqlBasicFunction.create("NOW",
              ReturnTypes.explicit(f -> f.createSqlType(
                  SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3)),
              OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE)
          .withDeterministic(false).withDynamic(true);

  /** PROCTIME(): the processing time, TIMESTAMP_LTZ(3) NOT NULL, a processing-time attribute. */
  public static final SqlFunction PROCTIME =
      SqlBasicFunction.create("PROCTIME",
              ReturnTypes.explicit(f -> ((io.strom.codegen.types.StromTypeFactory) f)
                  .createTimeAttributeType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3,
                      io.strom.types.TimestampKind.PROCTIME, false)),
              OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE)
          .withDeterministic(false).withDynamic(true);

  /**
   * SOURCE_WATERMARK(): written as a table's watermark ({@code WATERMARK FOR rowtime AS
   * SOURCE_WATERMARK()}), keeps the watermarks the table's source brings, such as a DataStream's,
   * instead of generating them. It has no value of its own anywhere else.
   */
  public static final SqlFunction SOURCE_WATERMARK =
      fn("SOURCE_WATERMARK",
          ReturnTypes.explicit(f -> f.createTypeWithNullability(
              f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3), true)),
          OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE);

  public static final SqlFunction DATE_FORMAT =
      fn("DATE_FORMAT", STRING_FORCE_NULLABLE,
          OperandTypes.or(
              OperandTypes.family(SqlTypeFamily.TIMESTAMP, STR),
              OperandTypes.family(STR, STR)),
          SqlFunctionCategory.TIMEDATE);

  public static final SqlFunction TO_TIMESTAMP =
      fn("TO_TIMESTAMP",
          ReturnTypes.cascade(ReturnTypes.explicit(f -> f.createSqlType(SqlTypeName.TIMESTAMP, 3)),
              SqlTypeTransforms.FORCE_NULLABLE),
          OperandTypes.or(OperandTypes.family(STR), OperandTypes.family(STR, STR)),
          SqlFunctionCategory.TIMEDATE);

  public static final SqlFunction TO_TIMESTAMP_LTZ =
      fn("TO_TIMESTAMP_LTZ",
          ReturnTypes.cascade(ReturnTypes.explicit(f -> f.createSqlType(
                  SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3)),
              SqlTypeTransforms.TO_NULLABLE),
          OperandTypes.or(OperandTypes.family(NUM), OperandTypes.family(NUM, INT)),
          SqlFunctionCategory.TIMEDATE);

  public static final SqlFunction TO_DATE =
      fn("TO_DATE", ReturnTypes.cascade(ReturnTypes.DATE, SqlTypeTransforms.FORCE_NULLABLE),
          OperandTypes.or(OperandTypes.family(STR), OperandTypes.family(STR, STR)),
          SqlFunctionCategory.TIMEDATE);

  public static final SqlFunction UNIX_TIMESTAMP =
      fn("UNIX_TIMESTAMP", ReturnTypes.BIGINT_NULLABLE,
          OperandTypes.or(OperandTypes.NILADIC, OperandTypes.family(STR),
              OperandTypes.family(STR, STR)),
          SqlFunctionCategory.TIMEDATE).withDeterministic(false);

  public static final SqlFunction FROM_UNIXTIME =
      fn("FROM_UNIXTIME", STRING_NULLABLE,
          OperandTypes.or(OperandTypes.family(INT), OperandTypes.family(INT, STR)),
          SqlFunctionCategory.TIMEDATE);

  // ---- math ------------------------------------------------------------------------------------

  /** LOG(x) is the natural logarithm; LOG(base, x) the logarithm to a base. */
  public static final SqlFunction LOG = fn("LOG", ReturnTypes.DOUBLE_NULLABLE,
      OperandTypes.or(OperandTypes.family(NUM), OperandTypes.family(NUM, NUM)),
      SqlFunctionCategory.NUMERIC);
  public static final SqlFunction LOG2 =
      family("LOG2", ReturnTypes.DOUBLE_NULLABLE, SqlFunctionCategory.NUMERIC, NUM);

  /** ROUND(x[, d]): decimals get Flink's result precision and scale; other types keep theirs. */
  public static final SqlFunction ROUND =
      fn("ROUND", FlinkFunctions::roundType, OperandTypes.or(
              OperandTypes.family(NUM), OperandTypes.family(NUM, INT)),
          SqlFunctionCategory.NUMERIC);

  /** TRUNCATE(x[, d]), typed like ROUND. */
  public static final SqlFunction TRUNCATE =
      fn("TRUNCATE", FlinkFunctions::roundType, OperandTypes.or(
              OperandTypes.family(NUM), OperandTypes.family(NUM, INT)),
          SqlFunctionCategory.NUMERIC);

  private static RelDataType roundType(SqlOperatorBinding binding) {
    RelDataType arg = binding.getOperandType(0);
    RelDataTypeFactory factory = binding.getTypeFactory();
    boolean nullable = arg.isNullable()
        || binding.getOperandCount() > 1 && binding.getOperandType(1).isNullable();
    RelDataType result = arg;
    if (arg.getSqlTypeName() == SqlTypeName.DECIMAL) {
      int digits = 0;
      if (binding.getOperandCount() > 1) {
        if (!binding.isOperandLiteral(1, false)) {
          return factory.createTypeWithNullability(arg, nullable);
        }
        Integer literal = binding.getOperandLiteralValue(1, Integer.class);
        digits = literal == null ? 0 : literal;
      }
      result = roundDecimalType(factory, arg.getPrecision(), arg.getScale(), digits);
    }
    return factory.createTypeWithNullability(result, nullable);
  }

  /** Flink's result type of rounding DECIMAL(p, s) to {@code digits} places. */
  static RelDataType roundDecimalType(RelDataTypeFactory factory, int p, int s, int digits) {
    if (digits >= s) {
      return factory.createSqlType(SqlTypeName.DECIMAL, p, s);
    }
    if (digits < 0) {
      return factory.createSqlType(SqlTypeName.DECIMAL,
          Math.min(StromTypeSystem.MAX_DECIMAL_PRECISION, 1 + p - s), 0);
    }
    return factory.createSqlType(SqlTypeName.DECIMAL, 1 + p - s + digits, digits);
  }

  // ---- collections -----------------------------------------------------------------------------

  /** MAP_KEYS(map): the map's keys as an ARRAY (in the map's order); NULL when the map is. */
  public static final SqlFunction MAP_KEYS = mapPart("MAP_KEYS", true);

  /** MAP_VALUES(map): the map's values as an ARRAY (in the map's order); NULL when the map is. */
  public static final SqlFunction MAP_VALUES = mapPart("MAP_VALUES", false);

  private static SqlFunction mapPart(String name, boolean keys) {
    return fn(name, binding -> {
          RelDataType map = binding.getOperandType(0);
          RelDataTypeFactory types = binding.getTypeFactory();
          RelDataType array = types.createArrayType(
              keys ? map.getKeyType() : map.getValueType(), -1);
          return types.createTypeWithNullability(array, map.isNullable());
        },
        OperandTypes.family(SqlTypeFamily.MAP), SqlFunctionCategory.SYSTEM);
  }

  /**
   * ARRAY_CONTAINS(array, element): whether the array holds the element (a NULL element finds
   * NULLs); NULL only when the array is.
   */
  public static final SqlFunction ARRAY_CONTAINS =
      SqlBasicFunction.create("ARRAY_CONTAINS",
              ReturnTypes.cascade(ReturnTypes.BOOLEAN, SqlTypeTransforms.ARG0_NULLABLE),
              new ArrayElementOperandChecker(), SqlFunctionCategory.SYSTEM)
          .withOperandTypeInference(ArrayElementOperandChecker.ELEMENT_TYPE);
}
