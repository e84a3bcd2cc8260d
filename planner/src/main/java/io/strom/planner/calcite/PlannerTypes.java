package io.strom.planner.calcite;

import io.strom.codegen.types.StromTypeFactory;
import io.strom.codegen.types.TypeConversions;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The planner's type factory (Flink's type rules, time attributes) and the conversion between
 * Strom's logical types and Calcite's types, both ways. One instance serves a session, so the
 * types of all its plans come from one factory.
 */
public final class PlannerTypes {
  private final StromTypeFactory factory = new StromTypeFactory();

  public StromTypeFactory factory() {
    return factory;
  }

  public RelDataType toRelType(LogicalType type) {
    return TypeConversions.toRelDataType(factory, type);
  }

  public LogicalType toLogicalType(RelDataType type) {
    return TypeConversions.toLogicalType(type);
  }

  /** The row type of a relational expression's output. */
  public RowType toRowType(RelDataType type) {
    return TypeConversions.toRowType(type);
  }
}
