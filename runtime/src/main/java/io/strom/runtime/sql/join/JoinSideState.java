package io.strom.runtime.sql.join;

import io.strom.api.state.MapStateDescriptor;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.sql.StateTimeToLive;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.serde.RowSerializer;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows one side of a regular join holds for the current key: each distinct row with how many
 * copies of it are held and, for the outer side of an outer join, how many rows of the other side
 * it matches (a row matching none is emitted padded with NULLs).
 *
 * <p>The two layouts are separate states with their own names, so that a checkpoint holding one
 * layout is never read as the other: {@link InnerJoinSideState} for a side that never counts
 * matches, {@link OuterJoinSideState} for the outer side of an outer join.
 */
abstract sealed class JoinSideState permits InnerJoinSideState, OuterJoinSideState {
  /**
   * The state name under which earlier versions held each side's rows, with a row of two
   * counters (copies, matches) per held row.
   */
  private static String olderLayoutName(String side) {
    return side + "-rows";
  }

  /** A held row, its copies and matches (always 0 on a side that does not count them). */
  record Held(BinaryRow row, long copies, long matches) {}

  private final RowSerializer serializer;
  /** What {@link #all} returns, refilled by each call: a join probes a side once per input row. */
  private final ArrayList<Held> all = new ArrayList<>();

  JoinSideState(RowType rowType) {
    this.serializer = new RowSerializer(rowType);
  }

  /**
   * The state of one side.
   *
   * @param side "left" or "right", the prefix of its state names
   * @param countsMatches whether the side is the outer side of an outer join
   */
  static JoinSideState create(
      KeyedStateAccess<BinaryRow> keys,
      String side,
      RowType rowType,
      boolean countsMatches,
      long ttlMillis) {
    refuseOlderLayout(keys, side);
    return countsMatches
        ? new OuterJoinSideState(keys, side, rowType, ttlMillis)
        : new InnerJoinSideState(keys, side, rowType, ttlMillis);
  }

  /**
   * Fails on a restore that holds the side in the older layout: reading it as the current one
   * would give wrong results, and ignoring it would lose the held rows.
   */
  private static void refuseOlderLayout(KeyedStateAccess<BinaryRow> keys, String side) {
    String older = olderLayoutName(side);
    if (keys.hasUndeclaredRestoredState(older)) {
      throw new IllegalStateException(
          "The checkpoint holds the "
              + side
              + " side of the join in an older state layout ('"
              + older
              + "'), which this version does not read; start the query without restoring that"
              + " checkpoint, or restore it with the version that wrote it");
    }
  }

  /** A map state descriptor from held rows to {@code values}, with the join's time-to-live. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <V> MapStateDescriptor<BinaryRow, V> descriptor(
      String name, RowType rowType, TypeInfo<V> values, long ttlMillis) {
    return StateTimeToLive.apply(
        new MapStateDescriptor<>(name, (TypeInfo) Types.row(rowType), values), ttlMillis);
  }

  /** {@code row} in the form it is held in: binary, of kind INSERT, owned by the state. */
  final BinaryRow held(Row row) {
    BinaryRow binary = serializer.toBinary(row).copy();
    binary.setKind(RowKind.INSERT);
    return binary;
  }

  /**
   * All rows held for the current key, in a list this side reuses: valid until the next call.
   */
  final List<Held> all() {
    all.clear();
    collectAll(all);
    return all;
  }

  /** Adds every row held for the current key to {@code into}. */
  abstract void collectAll(List<Held> into);

  /** Holds one more copy of {@code row}; {@code matches} is ignored where matches are not kept. */
  abstract void add(BinaryRow row, long matches);

  /** Takes one copy of {@code row} away; false when none was held (its state expired). */
  abstract boolean retract(BinaryRow row);

  /** Sets the matches of a held row; only the outer side of an outer join keeps them. */
  abstract void setMatches(Held held, long matches);
}
