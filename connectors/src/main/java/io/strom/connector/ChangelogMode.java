package io.strom.connector;

import static java.util.Objects.requireNonNull;

import io.strom.data.RowKind;
import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The kinds of rows a source produces or a sink accepts.
 *
 * @param kinds the row kinds; not empty
 */
public record ChangelogMode(Set<RowKind> kinds) {
  private static final ChangelogMode INSERT_ONLY = new ChangelogMode(EnumSet.of(RowKind.INSERT));
  private static final ChangelogMode UPSERT =
      new ChangelogMode(EnumSet.of(RowKind.INSERT, RowKind.UPDATE_AFTER, RowKind.DELETE));
  private static final ChangelogMode ALL = new ChangelogMode(EnumSet.allOf(RowKind.class));

  public ChangelogMode {
    requireNonNull(kinds, "kinds");
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("A changelog mode needs at least one row kind");
    }
    kinds = Set.copyOf(kinds);
  }

  /** Only {@code +I}. */
  public static ChangelogMode insertOnly() {
    return INSERT_ONLY;
  }

  /** {@code +I}, {@code +U} and {@code -D}: updates without their before-image, keyed by a primary key. */
  public static ChangelogMode upsert() {
    return UPSERT;
  }

  /** Every kind: {@code +I}, {@code -U}, {@code +U}, {@code -D}. */
  public static ChangelogMode all() {
    return ALL;
  }

  public static ChangelogMode of(RowKind first, RowKind... rest) {
    return new ChangelogMode(EnumSet.of(first, rest));
  }

  public boolean contains(RowKind kind) {
    return kinds.contains(kind);
  }

  /** True when {@code kind} is the only kind. */
  public boolean containsOnly(RowKind kind) {
    return kinds.size() == 1 && kinds.contains(kind);
  }

  /** True when this mode holds every kind of {@code other}. */
  public boolean containsAll(ChangelogMode other) {
    return kinds.containsAll(other.kinds);
  }

  /** This mode without {@code kind}; itself when that would leave no kinds. */
  public ChangelogMode without(RowKind kind) {
    EnumSet<RowKind> rest = EnumSet.copyOf(kinds);
    rest.remove(kind);
    return rest.isEmpty() ? this : new ChangelogMode(rest);
  }

  /** As Flink's EXPLAIN prints it: {@code [I]}, {@code [I,UB,UA,D]}, {@code [I,UA,D]}. */
  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(",", "[", "]");
    for (RowKind kind : RowKind.values()) {
      if (kinds.contains(kind)) {
        joiner.add(switch (kind) {
          case INSERT -> "I";
          case UPDATE_BEFORE -> "UB";
          case UPDATE_AFTER -> "UA";
          case DELETE -> "D";
        });
      }
    }
    return joiner.toString();
  }
}
