package io.strom.codegen.agg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The generated per-row code of an aggregation's DISTINCT calls. Calls over the same arguments
 * share one view, keyed by the arguments' values, whose value counts the rows of each distinct
 * value per FILTER ("slot"; calls with the same FILTER share one). A row then costs one lookup
 * and one write per argument list, however many calls and filters use it, and the count of a
 * slot tells each of its calls when a value is seen for the first time or retracted for the last.
 */
final class DistinctViewsCode {
  private static final String KEY = "distinctKey";
  private static final String COUNTS = "distinctCounts";
  private static final String SLOT = "distinctSlot";
  private static final String FRESH = "distinctFresh";

  /** The calls over one argument list, grouped by slot, in order of first use. */
  private static final class Group {
    final List<Integer> args;
    final Map<Integer, Slot> slots = new LinkedHashMap<>();

    Group(List<Integer> args) {
      this.args = args;
    }
  }

  /** The calls sharing one FILTER column (-1: none) and their statements. */
  private record Slot(int index, String filter, StringBuilder onAdd, StringBuilder onRemove) {}

  private final Map<List<Integer>, Group> groups = new LinkedHashMap<>();
  private final StringBuilder accumulate = new StringBuilder();
  private final StringBuilder retract = new StringBuilder();

  /**
   * Adds a DISTINCT call: {@code onAdd} runs when its slot sees a value for the first time,
   * {@code onRemove} when the slot loses the value's last row.
   *
   * @param filterArg the input field of its FILTER, or -1
   * @param filter the Java condition of its FILTER, or null
   */
  void add(List<Integer> args, int filterArg, String filter, String onAdd, String onRemove) {
    Group group = groups.computeIfAbsent(List.copyOf(args), Group::new);
    Slot slot = group.slots.computeIfAbsent(filterArg, f -> new Slot(
        group.slots.size(), filter == null ? "true" : filter, new StringBuilder(),
        new StringBuilder()));
    slot.onAdd.append("{\n").append(onAdd).append("}\n");
    slot.onRemove.append("{\n").append(onRemove).append("}\n");
  }

  /**
   * Generates the statements of all views, declaring each with {@code declare}: from the input
   * fields it is keyed by to the names of its view and projection members.
   */
  void generate(String input, boolean retraction, Function<int[], String[]> declare) {
    for (Group group : groups.values()) {
      String[] view = declare.apply(group.args.stream().mapToInt(Integer::intValue).toArray());
      accumulate.append(accumulate(group, input, view[0], view[1]));
      if (retraction) {
        retract.append(retract(group, input, view[0], view[1]));
      }
    }
  }

  String accumulate() {
    return accumulate.toString();
  }

  String retract() {
    return retract.toString();
  }

  private static String accumulate(Group group, String input, String view, String project) {
    StringBuilder sb = new StringBuilder("{\n").append(slotConditions(group));
    sb.append("if (").append(anySlot(group)).append(") {\n")
        .append(lookup(input, view, project))
        .append("boolean ").append(FRESH).append(" = ").append(COUNTS).append(" == null;\n")
        .append("if (").append(FRESH).append(") {\n")
        .append(COUNTS).append(" = new long[").append(group.slots.size()).append("];\n}\n");
    for (Slot slot : group.slots.values()) {
      sb.append("if (").append(SLOT).append(slot.index).append(" && ").append(COUNTS).append('[')
          .append(slot.index).append("]++ == 0L) {\n").append(slot.onAdd).append("}\n");
    }
    // The projection's row views a buffer that the next row reuses: a new entry keeps a copy.
    // Writing an existing entry keeps the key the state already holds, so it needs none.
    sb.append(view).append(".put(").append(FRESH).append(" ? ").append(KEY).append(".copy() : ")
        .append(KEY).append(", ").append(COUNTS).append(");\n")
        .append("}\n}\n");
    return sb.toString();
  }

  private static String retract(Group group, String input, String view, String project) {
    StringBuilder sb = new StringBuilder("{\n").append(slotConditions(group));
    sb.append("if (").append(anySlot(group)).append(") {\n")
        .append(lookup(input, view, project))
        .append("if (").append(COUNTS).append(" != null) {\n");
    List<String> empty = new ArrayList<>();
    for (Slot slot : group.slots.values()) {
      String count = COUNTS + "[" + slot.index + "]";
      // A slot that never counted the value (its rows expired, or none passed the filter) has
      // nothing to take back.
      sb.append("if (").append(SLOT).append(slot.index).append(" && ").append(count)
          .append(" > 0L && --").append(count).append(" == 0L) {\n").append(slot.onRemove)
          .append("}\n");
      empty.add(count + " == 0L");
    }
    sb.append("if (").append(String.join(" && ", empty)).append(") {\n")
        .append(view).append(".remove(").append(KEY).append(");\n} else {\n")
        .append(view).append(".put(").append(KEY).append(", ").append(COUNTS)
        .append(");\n}\n}\n}\n}\n");
    return sb.toString();
  }

  private static String slotConditions(Group group) {
    StringBuilder sb = new StringBuilder();
    for (Slot slot : group.slots.values()) {
      sb.append("boolean ").append(SLOT).append(slot.index).append(" = ").append(slot.filter)
          .append(";\n");
    }
    return sb.toString();
  }

  private static String anySlot(Group group) {
    List<String> any = new ArrayList<>();
    for (Slot slot : group.slots.values()) {
      any.add(SLOT + slot.index);
    }
    return String.join(" || ", any);
  }

  private static String lookup(String input, String view, String project) {
    return "io.strom.data.BinaryRow " + KEY + " = " + project + ".apply(" + input + ");\n"
        + "long[] " + COUNTS + " = (long[]) " + view + ".get(" + KEY + ");\n";
  }
}
