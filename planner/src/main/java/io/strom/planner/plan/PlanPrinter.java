package io.strom.planner.plan;

import io.strom.planner.plan.physical.ChangelogModes;
import io.strom.data.RowKind;
import io.strom.planner.plan.physical.StateDescription;
import io.strom.planner.plan.physical.StreamPhysicalRel;
import io.strom.planner.plan.physical.UpsertKeys;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.externalize.RelWriterImpl;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.util.Pair;

/** Prints a physical plan as Flink does: one node a line, children under {@code +- }. */
public final class PlanPrinter {
  private PlanPrinter() {}

  public static String print(RelNode root) {
    return print(root, null);
  }

  /** Prints the plan; with {@code modes}, each node's changelog mode too. */
  public static String print(RelNode root, ChangelogModes modes) {
    return print(root, modes, null);
  }

  /**
   * Prints the plan; with {@code modes}, each node's changelog mode too, and with {@code keys} the
   * upsert keys of each node whose output updates or deletes rows.
   */
  public static String print(RelNode root, ChangelogModes modes, UpsertKeys keys) {
    return print(root, modes, keys, null);
  }

  /**
   * Prints the plan as {@link #print(RelNode, ChangelogModes, UpsertKeys)} does and, with {@code
   * state}, what each stateful node keeps ({@code state=[...]}, see {@link StateDescription}).
   */
  public static String print(
      RelNode root, ChangelogModes modes, UpsertKeys keys, StateDescription.Context state) {
    StringBuilder out = new StringBuilder();
    print(root, modes, keys, state, "", "", out);
    return out.toString();
  }

  private static void print(RelNode node, ChangelogModes modes, UpsertKeys keys,
      StateDescription.Context state, String firstIndent, String indent, StringBuilder out) {
    String name = node instanceof StreamPhysicalRel p ? p.planName() : node.getRelTypeName();
    String terms = terms(node);
    if (modes != null) {
      terms += (terms.isEmpty() ? "" : ", ") + "changelogMode=" + modes.of(node);
      if (keys != null && !modes.of(node).containsOnly(RowKind.INSERT)
          && !keys.of(node).isEmpty()) {
        terms += ", upsertKeys=" + keys.describe(node);
      }
    }
    if (state != null && node instanceof StreamPhysicalRel stateful) {
      String kept = stateful.state(state).map(s -> "state=[" + s + "]").orElse("");
      terms += (terms.isEmpty() || kept.isEmpty() ? "" : ", ") + kept;
    }
    out.append(firstIndent).append(name).append('(').append(terms).append(")\n");
    List<RelNode> inputs = node.getInputs();
    for (int i = 0; i < inputs.size(); i++) {
      boolean last = i == inputs.size() - 1;
      print(inputs.get(i), modes, keys, state, indent + (last ? "+- " : ":- "),
          indent + (last ? "   " : ":  "), out);
    }
  }

  /** A node's own terms as the plan prints them, without its inputs: {@code groupBy=[k], ...}. */
  public static String terms(RelNode node) {
    StringBuilder terms = new StringBuilder();
    node.explain(
        new RelWriterImpl(new java.io.PrintWriter(new java.io.StringWriter()), SqlExplainLevel.EXPPLAN_ATTRIBUTES, false) {
          @Override
          protected void explain_(RelNode rel, List<Pair<String, Object>> values) {
            for (Pair<String, Object> value : values) {
              if (value.right instanceof RelNode) {
                continue;
              }
              if (terms.length() > 0) {
                terms.append(", ");
              }
              terms.append(value.left).append("=[").append(value.right).append(']');
            }
          }
        });
    return terms.toString();
  }
}
