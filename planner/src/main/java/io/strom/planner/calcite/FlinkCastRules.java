package io.strom.planner.calcite;

import com.google.common.collect.ImmutableSet;
import java.util.EnumMap;
import java.util.Map;
import org.apache.calcite.sql.type.SqlTypeCoercionRule;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Which explicit casts validate: Calcite's rules, plus Flink's casts from BOOLEAN to the numeric
 * types ({@code CAST(TRUE AS INT)} is 1, FALSE 0), which Calcite refuses.
 */
final class FlinkCastRules {
  static final SqlTypeCoercionRule INSTANCE = rules();

  private FlinkCastRules() {}

  private static SqlTypeCoercionRule rules() {
    Map<SqlTypeName, ImmutableSet<SqlTypeName>> mapping = new EnumMap<>(SqlTypeName.class);
    mapping.putAll(SqlTypeCoercionRule.instance().getTypeMapping());
    for (SqlTypeName numeric : SqlTypeName.NUMERIC_TYPES) {
      ImmutableSet<SqlTypeName> from = mapping.get(numeric);
      if (from != null) {
        mapping.put(numeric,
            ImmutableSet.<SqlTypeName>builder().addAll(from).add(SqlTypeName.BOOLEAN).build());
      }
    }
    return SqlTypeCoercionRule.instance(mapping);
  }
}
