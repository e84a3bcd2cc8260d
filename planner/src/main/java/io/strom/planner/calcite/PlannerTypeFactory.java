package io.strom.planner.calcite;

import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Calcite's type factory with Strom's type system, keeping time attributes when their
 * nullability changes (Calcite's own would turn them into plain timestamps).
 */
final class PlannerTypeFactory extends JavaTypeFactoryImpl {
  PlannerTypeFactory() {
    super(StromTypeSystem.INSTANCE);
  }

  @Override
  public RelDataType createTypeWithNullability(RelDataType type, boolean nullable) {
    if (type instanceof TimeIndicatorType indicator) {
      if (indicator.isNullable() == nullable) {
        return type;
      }
      return canonize(
          new TimeIndicatorType(
              getTypeSystem(), type.getSqlTypeName(), nullable, indicator.isEventTime()));
    }
    return super.createTypeWithNullability(type, nullable);
  }
}
