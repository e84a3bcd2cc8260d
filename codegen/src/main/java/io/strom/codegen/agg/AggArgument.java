package io.strom.codegen.agg;

import org.apache.calcite.rel.type.RelDataType;

/**
 * An argument of an aggregate function in generated code: the variables holding the current
 * input row's value and whether it is NULL.
 */
record AggArgument(String value, String isNull, RelDataType type) {}
