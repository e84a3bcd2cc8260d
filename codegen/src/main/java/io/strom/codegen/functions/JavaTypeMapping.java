package io.strom.codegen.functions;

import io.strom.api.functions.DataTypeHint;
import io.strom.codegen.types.TypeConversions;
import io.strom.codegen.types.TypeStringParser;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/** Which SQL types a UDF's Java parameter accepts, and the SQL type of its Java result. */
final class JavaTypeMapping {
  private JavaTypeMapping() {}

  static boolean accepts(Method eval, List<RelDataType> operandTypes) {
    return accepts(eval, 0, operandTypes);
  }

  /**
   * Whether the parameters of {@code method} after the first {@code skip} ones (an aggregate
   * function's accumulator) accept {@code operandTypes}.
   */
  static boolean accepts(Method method, int skip, List<RelDataType> operandTypes) {
    Class<?>[] params = method.getParameterTypes();
    if (params.length - skip != operandTypes.size()) {
      return false;
    }
    for (int i = 0; i < operandTypes.size(); i++) {
      if (!accepts(params[skip + i], operandTypes.get(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean accepts(Class<?> param, RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    if (name == SqlTypeName.NULL) {
      return !param.isPrimitive();
    }
    boolean integral = SqlTypeUtil.isIntType(type);
    if (param == String.class) {
      return SqlTypeUtil.isCharacter(type);
    } else if (param == int.class || param == Integer.class) {
      return integral && name != SqlTypeName.BIGINT;
    } else if (param == long.class || param == Long.class) {
      return integral;
    } else if (param == short.class || param == Short.class) {
      return name == SqlTypeName.SMALLINT || name == SqlTypeName.TINYINT;
    } else if (param == byte.class || param == Byte.class) {
      return name == SqlTypeName.TINYINT;
    } else if (param == double.class || param == Double.class) {
      return SqlTypeUtil.isNumeric(type);
    } else if (param == float.class || param == Float.class) {
      return name == SqlTypeName.FLOAT || name == SqlTypeName.REAL || integral;
    } else if (param == boolean.class || param == Boolean.class) {
      return name == SqlTypeName.BOOLEAN;
    } else if (param == BigDecimal.class) {
      return SqlTypeUtil.isExactNumeric(type);
    } else if (param == LocalDate.class) {
      return name == SqlTypeName.DATE;
    } else if (param == LocalTime.class) {
      return name == SqlTypeName.TIME;
    } else if (param == LocalDateTime.class) {
      return name == SqlTypeName.TIMESTAMP;
    } else if (param == Instant.class) {
      return name == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    } else if (param == byte[].class) {
      return name.getFamily() == SqlTypeFamily.BINARY;
    }
    return false;
  }

  static RelDataType resultType(RelDataTypeFactory factory, Method eval, boolean anyNullable) {
    DataTypeHint hint = eval.getAnnotation(DataTypeHint.class);
    Class<?> result = eval.getReturnType();
    RelDataType type;
    if (hint != null) {
      type = TypeConversions.toRelDataType(factory, TypeStringParser.parse(hint.value()));
    } else {
      type = sqlType(factory, result, eval);
    }
    boolean nullable = !result.isPrimitive() || anyNullable;
    return factory.createTypeWithNullability(type, nullable);
  }

  private static RelDataType sqlType(RelDataTypeFactory f, Class<?> c, Method eval) {
    RelDataType type = sqlTypeOrNull(f, c);
    if (type != null) {
      return type;
    }
    throw new IllegalArgumentException("The result class " + c.getName() + " of "
        + eval.getDeclaringClass().getName() + ".eval has no SQL type; annotate the method with "
        + "@DataTypeHint(\"...\")");
  }

  /** The SQL type of Java class {@code c}, or null when it has none. */
  static RelDataType sqlTypeOrNull(RelDataTypeFactory f, Class<?> c) {
    if (c == String.class) {
      return f.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE);
    } else if (c == int.class || c == Integer.class) {
      return f.createSqlType(SqlTypeName.INTEGER);
    } else if (c == long.class || c == Long.class) {
      return f.createSqlType(SqlTypeName.BIGINT);
    } else if (c == short.class || c == Short.class) {
      return f.createSqlType(SqlTypeName.SMALLINT);
    } else if (c == byte.class || c == Byte.class) {
      return f.createSqlType(SqlTypeName.TINYINT);
    } else if (c == double.class || c == Double.class) {
      return f.createSqlType(SqlTypeName.DOUBLE);
    } else if (c == float.class || c == Float.class) {
      return f.createSqlType(SqlTypeName.FLOAT);
    } else if (c == boolean.class || c == Boolean.class) {
      return f.createSqlType(SqlTypeName.BOOLEAN);
    } else if (c == BigDecimal.class) {
      return f.createSqlType(SqlTypeName.DECIMAL, 38, 18);
    } else if (c == LocalDate.class) {
      return f.createSqlType(SqlTypeName.DATE);
    } else if (c == LocalTime.class) {
      return f.createSqlType(SqlTypeName.TIME, 0);
    } else if (c == LocalDateTime.class) {
      return f.createSqlType(SqlTypeName.TIMESTAMP, 9);
    } else if (c == Instant.class) {
      return f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 9);
    } else if (c == byte[].class) {
      return f.createSqlType(SqlTypeName.VARBINARY, Integer.MAX_VALUE);
    }
    return null;
  }
}
