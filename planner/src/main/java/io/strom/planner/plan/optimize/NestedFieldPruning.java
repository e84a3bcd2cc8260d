package io.strom.planner.plan.optimize;

import io.strom.planner.plan.physical.StreamPhysicalCalc;
import io.strom.planner.plan.physical.StreamPhysicalRel;
import io.strom.planner.plan.physical.StreamPhysicalTableSourceScan;
import io.strom.planner.plan.physical.StreamPhysicalWatermarkAssigner;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexVisitorImpl;

/**
 * Lets a source skip building the nested fields of its ROW columns that no operator reads: Nexmark's
 * views take a handful of fields out of the {@code bid}, {@code auction} and {@code person} rows,
 * and the rest would be built for nothing. Which fields are read is followed from the scan up
 * through Calcs (field accesses, and columns passed on whole) and watermark assigners; any other
 * operator reads its inputs whole.
 *
 * <p>Runs after every other rewrite, on the final plan, because the skipped fields are NULL: a
 * rewrite after it that read one more field would read NULL.
 */
public final class NestedFieldPruning {
  private NestedFieldPruning() {}

  /** What the operators above read of one field: all of it, or some of its nested fields. */
  private static final class Use {
    boolean whole;
    final BitSet nested = new BitSet();

    void add(Use other) {
      whole |= other.whole;
      nested.or(other.nested);
    }
  }

  /**
   * @param accepts whether a scan's source can skip nested fields
   */
  public static StreamPhysicalRel apply(
      StreamPhysicalRel root, Predicate<StreamPhysicalTableSourceScan> accepts) {
    Map<RelNode, Use[]> scans = new IdentityHashMap<>();
    visit(root, whole(root.getRowType().getFieldCount()), scans);
    // Equal scans read the union of their fields, so that sub-plan reuse still finds them equal.
    Map<RelNode, Use[]> mergedUses = new IdentityHashMap<>();
    Map<String, Use[]> byDigest = new HashMap<>();
    scans.forEach((scan, uses) -> {
      Use[] merged =
          byDigest.computeIfAbsent(RelOptUtil.toString(scan), d -> new Use[uses.length]);
      merge(merged, uses);
      mergedUses.put(scan, merged);
    });
    Map<RelNode, RelNode> pruned = new IdentityHashMap<>();
    scans.forEach((node, uses) -> {
      StreamPhysicalTableSourceScan scan = (StreamPhysicalTableSourceScan) node;
      Map<Integer, int[]> read = readFields(scan, mergedUses.get(scan));
      if (!read.isEmpty() && accepts.test(scan)) {
        pruned.put(scan, scan.withNestedFields(read));
      }
    });
    return pruned.isEmpty() ? root : (StreamPhysicalRel) replace(root, pruned);
  }

  /** Per physical ROW field not read whole, the nested positions read. */
  private static Map<Integer, int[]> readFields(StreamPhysicalTableSourceScan scan, Use[] uses) {
    int[] projection = scan.projection();
    List<RelDataTypeField> fields = scan.getRowType().getFieldList();
    Map<Integer, int[]> read = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      Use use = uses[i];
      if (fields.get(i).getType().isStruct() && (use == null || !use.whole)) {
        int[] positions = use == null ? new int[0] : use.nested.stream().toArray();
        read.put(projection == null ? i : projection[i], positions);
      }
    }
    return read;
  }

  private static void merge(Use[] into, Use[] uses) {
    for (int i = 0; i < uses.length; i++) {
      if (uses[i] != null) {
        into[i] = into[i] == null ? new Use() : into[i];
        into[i].add(uses[i]);
      }
    }
  }

  private static Use[] whole(int fieldCount) {
    Use[] uses = new Use[fieldCount];
    for (int i = 0; i < fieldCount; i++) {
      uses[i] = new Use();
      uses[i].whole = true;
    }
    return uses;
  }

  /** Records what reaches each scan under {@code node}, given what is read of its output. */
  private static void visit(RelNode node, Use[] uses, Map<RelNode, Use[]> scans) {
    if (node instanceof StreamPhysicalTableSourceScan) {
      merge(scans.computeIfAbsent(node, n -> new Use[uses.length]), uses);
    } else if (node instanceof StreamPhysicalCalc calc) {
      visit(calc.getInput(), calcInputUses(calc, uses), scans);
    } else if (node instanceof StreamPhysicalWatermarkAssigner assigner) {
      Use[] in = new Use[uses.length];
      System.arraycopy(uses, 0, in, 0, uses.length);
      in[assigner.rowtimeIndex()] = whole(1)[0];
      assigner.watermarkExpression().accept(new Reads(in));
      visit(assigner.getInput(), in, scans);
    } else {
      for (RelNode input : node.getInputs()) {
        visit(input, whole(input.getRowType().getFieldCount()), scans);
      }
    }
  }

  /**
   * What a Calc reads of its input: a column it passes on as it is is read as its consumers read
   * it; every other expression, and the condition, read what they access.
   */
  private static Use[] calcInputUses(StreamPhysicalCalc calc, Use[] uses) {
    RexProgram program = calc.getProgram();
    Use[] in = new Use[calc.getInput().getRowType().getFieldCount()];
    Reads reads = new Reads(in);
    List<RexLocalRef> projects = program.getProjectList();
    for (int i = 0; i < projects.size(); i++) {
      RexNode expr = program.expandLocalRef(projects.get(i));
      if (expr instanceof RexInputRef ref) {
        if (uses[i] != null) {
          reads.use(ref.getIndex()).add(uses[i]);
        }
      } else {
        expr.accept(reads);
      }
    }
    if (program.getCondition() != null) {
      program.expandLocalRef(program.getCondition()).accept(reads);
    }
    return in;
  }

  /** Marks the input fields an expression reads: a field access reads one nested field. */
  private static final class Reads extends RexVisitorImpl<Void> {
    private final Use[] uses;

    Reads(Use[] uses) {
      super(true);
      this.uses = uses;
    }

    Use use(int index) {
      if (uses[index] == null) {
        uses[index] = new Use();
      }
      return uses[index];
    }

    @Override
    public Void visitInputRef(RexInputRef ref) {
      use(ref.getIndex()).whole = true;
      return null;
    }

    @Override
    public Void visitFieldAccess(RexFieldAccess access) {
      if (access.getReferenceExpr() instanceof RexInputRef ref) {
        use(ref.getIndex()).nested.set(access.getField().getIndex());
        return null;
      }
      return super.visitFieldAccess(access);
    }
  }

  private static RelNode replace(RelNode node, Map<RelNode, RelNode> pruned) {
    RelNode replacement = pruned.get(node);
    if (replacement != null) {
      return replacement;
    }
    List<RelNode> inputs = new ArrayList<>();
    for (RelNode input : node.getInputs()) {
      inputs.add(replace(input, pruned));
    }
    return inputs.equals(node.getInputs()) ? node : node.copy(node.getTraitSet(), inputs);
  }
}
