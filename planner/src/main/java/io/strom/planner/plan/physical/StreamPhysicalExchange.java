package io.strom.planner.plan.physical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Redistributes rows between parallel subtasks: by the hash of key fields, so all rows of a key
 * meet in one subtask, or all to a single subtask when there are no key fields.
 */
public final class StreamPhysicalExchange extends SingleRel implements StreamPhysicalRel {
  private final int[] keys;
  private final List<RelDataType> keyTypes;

  public StreamPhysicalExchange(RelOptCluster cluster, RelTraitSet traits, RelNode input, int[] keys) {
    this(cluster, traits, input, keys, null);
  }

  /**
   * @param keyTypes the types keys are cast to before hashing (the two sides of a join may differ),
   *     or null for the fields' own types
   */
  public StreamPhysicalExchange(
      RelOptCluster cluster, RelTraitSet traits, RelNode input, int[] keys, List<RelDataType> keyTypes) {
    super(cluster, traits, input);
    this.keys = keys.clone();
    this.keyTypes = keyTypes == null ? null : List.copyOf(keyTypes);
  }

  /** The types keys are cast to, or null when they keep their own. */
  public List<RelDataType> keyTypes() {
    return keyTypes;
  }

  /** The input fields rows are hashed by; empty for a single subtask. */
  public int[] keys() {
    return keys.clone();
  }

  public boolean isSingleton() {
    return keys.length == 0;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StreamPhysicalExchange(getCluster(), traitSet, sole(inputs), keys, keyTypes);
  }

  @Override
  public String planName() {
    return "Exchange";
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<String> names = getInput().getRowType().getFieldNames();
    StringBuilder hash = new StringBuilder();
    for (int key : keys) {
      hash.append(hash.length() == 0 ? "" : ", ").append(names.get(key));
    }
    return super.explainTerms(pw)
        .item("distribution", isSingleton() ? "single" : "hash[" + hash + "]");
  }
}
