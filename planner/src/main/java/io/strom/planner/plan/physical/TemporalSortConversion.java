package io.strom.planner.plan.physical;

import io.strom.codegen.types.TimeAttributeType;
import io.strom.planner.ValidationException;
import io.strom.types.TimestampKind;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Converts {@code ORDER BY} without {@code LIMIT}. As in Flink's streaming mode, only a sort whose
 * first key is a time attribute (a rowtime column with a watermark, or a processing time)
 * ascending can run over a stream: it emits rows as time passes. Any other sort would have to
 * wait for the end of the input, which Flink refuses in streaming mode, for bounded tables too.
 */
final class TemporalSortConversion {
  private TemporalSortConversion() {}

  static StreamPhysicalRel convert(
      LogicalSort sort, RelTraitSet traits, Supplier<StreamPhysicalRel> input) {
    if (sort.offset != null) {
      throw new ValidationException(
          "ORDER BY with OFFSET needs a LIMIT: add LIMIT n to read rows " + "after the offset");
    }
    List<RelFieldCollation> keys = sort.getCollation().getFieldCollations();
    RelDataType inputType = sort.getInput().getRowType();
    TimeAttributeType time = keys.isEmpty() ? null
        : inputType.getFieldList().get(keys.get(0).getFieldIndex()).getType()
            instanceof TimeAttributeType t && t.kind() != TimestampKind.REGULAR ? t : null;
    if (time == null || keys.get(0).getDirection().isDescending()) {
      throw new ValidationException("Sort on a non-time-attribute field is not supported. ORDER BY"
          + " without LIMIT must sort by a time attribute (a rowtime column with a WATERMARK, or"
          + " PROCTIME()) ascending first; add LIMIT n for the first rows by any order");
    }
    StreamPhysicalExchange single =
        new StreamPhysicalExchange(sort.getCluster(), traits, input.get(), new int[0]);
    return new StreamPhysicalTemporalSort(sort.getCluster(), traits, single, keys,
        time.kind() == TimestampKind.ROWTIME, time.getPrecision());
  }
}
