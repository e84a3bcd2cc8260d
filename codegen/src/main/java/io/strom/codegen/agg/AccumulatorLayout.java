package io.strom.codegen.agg;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/** Hands out accumulator fields and their positions in the accumulator row, in order. */
final class AccumulatorLayout {
  private final List<Accumulator> all = new ArrayList<>();

  Accumulator add(RelDataType type, String initial, String label) {
    Accumulator acc = new Accumulator("acc$" + all.size(), type, initial, all.size(), label);
    all.add(acc);
    return acc;
  }

  List<Accumulator> all() {
    return all;
  }
}
