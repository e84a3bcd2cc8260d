package io.strom.planner.plan.translate;

import io.strom.connector.ChangelogMode;
import java.util.List;
import java.util.Objects;

/**
 * The structural identity of a physical sub-plan: the node's kind, its attributes, its row type
 * (with nullability and time attributes), the changes it emits as its consumer takes them, and the
 * keys of its inputs. Sub-plans with equal keys translate into the same operators, so a job runs
 * them once (see {@link SubPlanKeys}).
 */
final class SubPlanKey {
  private final Class<?> kind;
  private final String rowType;
  private final List<Object> attributes;
  private final ChangelogMode changes;
  private final boolean dropsUpdateBefore;
  private final List<SubPlanKey> inputs;
  private final boolean readsTable;
  private final int hash;

  SubPlanKey(
      Class<?> kind,
      String rowType,
      List<Object> attributes,
      ChangelogMode changes,
      boolean dropsUpdateBefore,
      List<SubPlanKey> inputs,
      boolean scansTable) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.rowType = Objects.requireNonNull(rowType, "rowType");
    // Attributes may be null (an absent projection), so no List.copyOf.
    this.attributes = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(attributes));
    this.changes = changes;
    this.dropsUpdateBefore = dropsUpdateBefore;
    this.inputs = List.copyOf(inputs);
    this.readsTable = scansTable || this.inputs.stream().anyMatch(SubPlanKey::readsTable);
    // Keys are compared at every level of a plan: the hash is computed once, bottom-up.
    this.hash = Objects.hash(kind, rowType, this.attributes, changes, dropsUpdateBefore, this.inputs);
  }

  /** Whether the sub-plan reads a table through a connector (which source reuse governs). */
  boolean readsTable() {
    return readsTable;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    return other instanceof SubPlanKey that
        && hash == that.hash
        && kind == that.kind
        && dropsUpdateBefore == that.dropsUpdateBefore
        && rowType.equals(that.rowType)
        && Objects.equals(changes, that.changes)
        && attributes.equals(that.attributes)
        && inputs.equals(that.inputs);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return kind.getSimpleName() + attributes + " -> " + rowType;
  }
}
