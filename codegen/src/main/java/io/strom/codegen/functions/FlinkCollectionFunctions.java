package io.strom.codegen.functions;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeFieldImpl;
import org.apache.calcite.rel.type.RelRecordType;
import org.apache.calcite.rel.type.StructKind;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Flink's array and map functions that build or search collections (ARRAY_DISTINCT ...
 * MAP_UNION), with Flink's operand checks and result types. Registered in {@link
 * StromOperatorTable}; {@code ARRAY_CONTAINS}, {@code MAP_KEYS} and {@code MAP_VALUES} are in
 * {@link FlinkFunctions}.
 */
public final class FlinkCollectionFunctions {
  private FlinkCollectionFunctions() {}

  private static final SqlTypeFamily ARRAY = SqlTypeFamily.ARRAY;
  private static final SqlTypeFamily INT = SqlTypeFamily.INTEGER;
  private static final SqlTypeFamily STR = SqlTypeFamily.CHARACTER;

  private static SqlFunction fn(String name, SqlReturnTypeInference type,
      SqlOperandTypeChecker operands) {
    return SqlBasicFunction.create(name, type, operands, SqlFunctionCategory.SYSTEM);
  }

  /** A function of an array and a value of its elements, which may be an untyped NULL. */
  private static SqlFunction withElement(String name, SqlReturnTypeInference type) {
    return SqlBasicFunction.create(name, type, new ArrayElementOperandChecker(),
            SqlFunctionCategory.SYSTEM)
        .withOperandTypeInference(ArrayElementOperandChecker.ELEMENT_TYPE);
  }

  /**
   * CARDINALITY(array | map): the number of elements or entries. Unlike Calcite's, it does not take
   * a MULTISET: Flink has no CARDINALITY of a multiset (its code generation rejects one), so a
   * {@code CARDINALITY(COLLECT(x))} is refused as it would be there.
   */
  public static final SqlFunction CARDINALITY =
      fn("CARDINALITY", ReturnTypes.INTEGER_NULLABLE,
          OperandTypes.or(OperandTypes.family(ARRAY), OperandTypes.family(SqlTypeFamily.MAP)));

  /** ARRAY_DISTINCT(array): each element once (NULL too), in order of first appearance. */
  public static final SqlFunction ARRAY_DISTINCT =
      fn("ARRAY_DISTINCT", ReturnTypes.ARG0, OperandTypes.family(ARRAY));

  /** ARRAY_REVERSE(array): the elements in reverse order. */
  public static final SqlFunction ARRAY_REVERSE =
      fn("ARRAY_REVERSE", ReturnTypes.ARG0, OperandTypes.family(ARRAY));

  /** ARRAY_REMOVE(array, element): without the elements equal to it (a NULL removes NULLs). */
  public static final SqlFunction ARRAY_REMOVE = withElement("ARRAY_REMOVE", ReturnTypes.ARG0);

  /**
   * ARRAY_POSITION(array, element): the 1-based position of its first occurrence, 0 when absent;
   * NULL when either argument is.
   */
  public static final SqlFunction ARRAY_POSITION =
      withElement("ARRAY_POSITION", ReturnTypes.INTEGER_NULLABLE);

  /** ARRAY_CONCAT(array, ...): the arrays one after the other, in their common type. */
  public static final SqlFunction ARRAY_CONCAT = fn("ARRAY_CONCAT",
      ReturnTypes.LEAST_RESTRICTIVE, CommonCollectionOperandChecker.atLeastOne(SqlTypeName.ARRAY));

  /** ARRAY_UNION(array1, array2): the distinct elements of both, in their common type. */
  public static final SqlFunction ARRAY_UNION = fn("ARRAY_UNION",
      ReturnTypes.LEAST_RESTRICTIVE, CommonCollectionOperandChecker.two(SqlTypeName.ARRAY));

  /** ARRAY_SLICE(array, start [, end]): the elements between 1-based offsets, both inclusive. */
  public static final SqlFunction ARRAY_SLICE = fn("ARRAY_SLICE", ReturnTypes.ARG0_NULLABLE,
      OperandTypes.or(OperandTypes.family(ARRAY, INT), OperandTypes.family(ARRAY, INT, INT)));

  /** ARRAY_MAX(array): the greatest non-NULL element; NULL when there is none. */
  public static final SqlFunction ARRAY_MAX = extreme("ARRAY_MAX");

  /** ARRAY_MIN(array): the least non-NULL element; NULL when there is none. */
  public static final SqlFunction ARRAY_MIN = extreme("ARRAY_MIN");

  private static SqlFunction extreme(String name) {
    return fn(name,
        ReturnTypes.cascade(
            binding -> binding.getOperandType(0).getComponentType(),
            SqlTypeTransforms.FORCE_NULLABLE),
        new ArrayOfOperandChecker("COMPARABLE", FlinkCollectionFunctions::ordered, List.of(), 0));
  }

  /** Element types ARRAY_MAX and ARRAY_MIN can order: not rows, arrays, maps or multisets. */
  private static boolean ordered(RelDataType element) {
    return !element.isStruct() && element.getComponentType() == null
        && element.getKeyType() == null && element.getSqlTypeName() != SqlTypeName.NULL
        && SqlTypeUtil.isComparable(element, element);
  }

  /**
   * ARRAY_JOIN(array, delimiter [, nullReplacement]): the string elements joined by the delimiter,
   * NULL elements left out or replaced; NULL when an argument is.
   */
  public static final SqlFunction ARRAY_JOIN = fn("ARRAY_JOIN",
      ReturnTypes.cascade(ReturnTypes.explicit(SqlTypeName.VARCHAR, Integer.MAX_VALUE),
          SqlTypeTransforms.TO_NULLABLE),
      new ArrayOfOperandChecker("STRING", SqlTypeUtil::inCharFamily, List.of(STR, STR), 1));

  /** MAP_ENTRIES(map): an ARRAY of {@code ROW<key, value>}, one per entry. */
  public static final SqlFunction MAP_ENTRIES =
      fn("MAP_ENTRIES", FlinkCollectionFunctions::entriesType,
          OperandTypes.family(SqlTypeFamily.MAP));

  private static RelDataType entriesType(SqlOperatorBinding binding) {
    RelDataType map = binding.getOperandType(0);
    RelDataTypeFactory types = binding.getTypeFactory();
    // A nullable row whose fields keep the map's nullability, as in Flink; Calcite's factory would
    // make the fields of a nullable row nullable too.
    RelDataType entry = new RelRecordType(StructKind.PEEK_FIELDS_NO_EXPAND, List.of(
        new RelDataTypeFieldImpl("key", 0, map.getKeyType()),
        new RelDataTypeFieldImpl("value", 1, map.getValueType())), true);
    return types.createTypeWithNullability(types.createArrayType(entry, -1), map.isNullable());
  }

  /**
   * MAP_FROM_ARRAYS(keys, values): the i-th key mapped to the i-th value; an error when the
   * lengths differ; NULL when either array is.
   */
  public static final SqlFunction MAP_FROM_ARRAYS =
      fn("MAP_FROM_ARRAYS", FlinkCollectionFunctions::fromArraysType,
          OperandTypes.family(ARRAY, ARRAY));

  private static RelDataType fromArraysType(SqlOperatorBinding binding) {
    RelDataType keys = binding.getOperandType(0);
    RelDataType values = binding.getOperandType(1);
    RelDataTypeFactory types = binding.getTypeFactory();
    return types.createTypeWithNullability(
        types.createMapType(keys.getComponentType(), values.getComponentType()),
        keys.isNullable() || values.isNullable());
  }

  /** MAP_UNION(map, ...): the entries of all maps in their common type; later maps win. */
  public static final SqlFunction MAP_UNION = fn("MAP_UNION",
      ReturnTypes.LEAST_RESTRICTIVE, CommonCollectionOperandChecker.atLeastOne(SqlTypeName.MAP));
}
