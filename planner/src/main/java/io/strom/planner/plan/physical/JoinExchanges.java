package io.strom.planner.plan.physical;

import io.strom.planner.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * The two inputs of a keyed join, each exchanged by its side of the equality keys, cast to a
 * common type where the two sides' key types differ (INT = BIGINT), so equal keys meet.
 */
record JoinExchanges(StreamPhysicalRel left, StreamPhysicalRel right) {

  static JoinExchanges of(
      Join join, RelTraitSet traits, StreamPhysicalRel left, StreamPhysicalRel right, JoinInfo info) {
    List<RelDataType> keyTypes = new ArrayList<>();
    boolean cast = false;
    for (int i = 0; i < info.leftKeys.size(); i++) {
      RelDataType l = left.getRowType().getFieldList().get(info.leftKeys.get(i)).getType();
      RelDataType r = right.getRowType().getFieldList().get(info.rightKeys.get(i)).getType();
      RelDataType common = join.getCluster().getTypeFactory().leastRestrictive(List.of(l, r));
      if (common == null) {
        throw new ValidationException("Join keys of types " + l + " and " + r + " cannot be compared");
      }
      keyTypes.add(common);
      cast |= !SqlTypeUtil.equalSansNullability(l, r);
    }
    return new JoinExchanges(
        new StreamPhysicalExchange(
            join.getCluster(), traits, left, info.leftKeys.toIntArray(), cast ? keyTypes : null),
        new StreamPhysicalExchange(
            join.getCluster(), traits, right, info.rightKeys.toIntArray(), cast ? keyTypes : null));
  }
}
