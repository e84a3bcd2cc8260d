package io.strom.planner.plan.translate;

import io.strom.planner.calcite.SourceTableRef;
import io.strom.planner.plan.physical.ChangelogModes;
import io.strom.planner.plan.physical.StreamPhysicalTableSourceScan;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexProgram;

/**
 * Computes the {@link SubPlanKey} of each node of a physical plan whose changes are {@code modes}.
 *
 * <p>A node's attributes are every instance field its class (and Calcite's classes between it and
 * {@link AbstractRelNode}) declares, inputs aside, compared by their {@code equals}. Reading the
 * fields rather than what EXPLAIN prints keeps the comparison strict without every node listing
 * its attributes again: a printed plan hides differences (the rows of pruned partitions, a cast's
 * target type in a key) that change what the operators compute. A value whose class has no value
 * equality compares by identity, which can only miss a reuse, never merge different sub-plans.
 */
final class SubPlanKeys {
  private final ChangelogModes modes;
  private final boolean reuseSources;
  private final Map<RelNode, SubPlanKey> keys = new IdentityHashMap<>();

  /** @param reuseSources whether sub-plans reading tables may be shared too */
  SubPlanKeys(ChangelogModes modes, boolean reuseSources) {
    this.modes = modes;
    this.reuseSources = reuseSources;
  }

  /**
   * The key under which {@code node}'s translation is shared, or null when it is translated anew:
   * with source reuse off, as in Flink, every sub-plan reading a table reads it itself.
   *
   * <p>Sub-plans calling non-deterministic functions ({@code RAND()}, {@code PROCTIME()}, {@code
   * UUID()}) are shared too, as Flink does: the plan is the same, and every consumer then sees
   * the same values, as if the subquery had been materialized once.
   */
  SubPlanKey reusable(RelNode node) {
    SubPlanKey key = of(node);
    return key.readsTable() && !reuseSources ? null : key;
  }

  /** The key of {@code node} and its inputs. */
  SubPlanKey of(RelNode node) {
    SubPlanKey key = keys.get(node);
    if (key == null) {
      List<SubPlanKey> inputs = new ArrayList<>();
      for (RelNode input : node.getInputs()) {
        inputs.add(of(input));
      }
      key = new SubPlanKey(
          node.getClass(),
          node.getRowType().getFullTypeString(),
          attributes(node),
          modes.of(node),
          modes.dropsUpdateBefore(node),
          inputs,
          node instanceof StreamPhysicalTableSourceScan);
      keys.put(node, key);
    }
    return key;
  }

  private static List<Object> attributes(RelNode node) {
    List<Object> attributes = new ArrayList<>();
    for (Class<?> c = node.getClass(); c != AbstractRelNode.class && c != null; c = c.getSuperclass()) {
      addFields(node, c, attributes);
    }
    return attributes;
  }

  /** The canonical values of the fields {@code owner} declares, inputs (plan nodes) left out. */
  private static void addFields(Object object, Class<?> owner, List<Object> attributes) {
    for (Field field : owner.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
        continue;
      }
      Object value = read(field, object);
      if (isInputs(value)) {
        continue;
      }
      attributes.add(field.getName());
      attributes.add(canonical(value));
    }
  }

  private static Object read(Field field, Object object) {
    try {
      field.setAccessible(true);
      return field.get(object);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "Bug: cannot read " + field + " to compare plans for reuse", e);
    }
  }

  /** A node's inputs: a plan node or a collection of them. */
  private static boolean isInputs(Object value) {
    if (value instanceof RelNode) {
      return true;
    }
    return value instanceof Collection<?> values
        && !values.isEmpty()
        && values.stream().allMatch(v -> v instanceof RelNode);
  }

  /**
   * A value that is equal to another's exactly when both describe the same computation: types by
   * their full text (the same type may come from two statements' type factories), programs by
   * their expressions, arrays and collections element by element, a scan's table by everything
   * its connector is asked for.
   */
  private static Object canonical(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof RelDataType type) {
      return type.getFullTypeString();
    }
    if (value instanceof RexProgram program) {
      return java.util.Arrays.asList(
          program.getInputRowType().getFullTypeString(),
          program.getOutputRowType().getFullTypeString(),
          canonical(program.getExprList()),
          canonical(program.getProjectList()),
          canonical(program.getCondition()));
    }
    if (value instanceof RelOptTable table) {
      SourceTableRef source = table.unwrap(SourceTableRef.class);
      if (source == null) {
        return table;
      }
      List<Object> fields = new ArrayList<>();
      addFields(source, SourceTableRef.class, fields);
      return fields;
    }
    if (value.getClass().isArray()) {
      List<Object> elements = new ArrayList<>();
      for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
        elements.add(canonical(java.lang.reflect.Array.get(value, i)));
      }
      return elements;
    }
    if (value instanceof List<?> list) {
      List<Object> elements = new ArrayList<>();
      for (Object element : list) {
        elements.add(canonical(element));
      }
      return elements;
    }
    return value;
  }
}
