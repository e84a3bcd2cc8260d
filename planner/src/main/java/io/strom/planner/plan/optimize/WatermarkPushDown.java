package io.strom.planner.plan.optimize;

import io.strom.codegen.functions.FlinkFunctions;
import io.strom.connector.ScanTableSource;
import io.strom.connector.SupportsWatermarkPushDown;
import io.strom.planner.calcite.SourceWatermark;
import io.strom.planner.plan.physical.StreamPhysicalCalc;
import io.strom.planner.plan.physical.StreamPhysicalRel;
import io.strom.planner.plan.physical.StreamPhysicalTableSourceScan;
import io.strom.planner.plan.physical.StreamPhysicalWatermarkAssigner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexShuttle;

/**
 * Watermark push-down: the table's watermark assigner moves into the scan of a source that is
 * {@link SupportsWatermarkPushDown}, which then generates watermarks per split (per Kafka
 * partition), so that an idle split holds nothing back. The assigner may sit right on the scan, or,
 * for a computed rowtime column, on the projection computing the table's computed columns: then
 * the source gets the column's expression along with the watermark expression rewritten over its
 * own fields, and the projection stays, now producing the rowtime as the event-time attribute
 * (merged with a calc that read the assigner). Runs after filter push-down, which looks for the
 * assigner.
 */
public final class WatermarkPushDown {
  private WatermarkPushDown() {}

  public static StreamPhysicalRel apply(
      StreamPhysicalRel node, Function<StreamPhysicalTableSourceScan, ScanTableSource> sources) {
    return apply(node, sources, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /** @param projections the projections this pass left in place of an assigner */
  private static StreamPhysicalRel apply(
      StreamPhysicalRel node,
      Function<StreamPhysicalTableSourceScan, ScanTableSource> sources,
      Set<RelNode> projections) {
    List<RelNode> inputs = new ArrayList<>();
    for (RelNode input : node.getInputs()) {
      inputs.add(apply((StreamPhysicalRel) input, sources, projections));
    }
    StreamPhysicalRel rewritten =
        inputs.equals(node.getInputs())
            ? node
            : (StreamPhysicalRel) node.copy(node.getTraitSet(), inputs);
    if (rewritten instanceof StreamPhysicalWatermarkAssigner assigner) {
      StreamPhysicalRel pushed = pushDown(assigner, sources);
      if (pushed instanceof StreamPhysicalCalc && pushed != assigner) {
        projections.add(pushed);
      }
      return pushed;
    }
    if (rewritten instanceof StreamPhysicalCalc calc && projections.contains(calc.getInput())) {
      // The calc that read the assigner now reads the projection: one calc does both.
      StreamPhysicalCalc projection = (StreamPhysicalCalc) calc.getInput();
      RexProgram merged = RexProgramBuilder.mergePrograms(
          calc.getProgram(), projection.getProgram(), calc.getCluster().getRexBuilder());
      return new StreamPhysicalCalc(
          calc.getCluster(), calc.getTraitSet(), projection.getInput(), merged);
    }
    return rewritten;
  }

  private static StreamPhysicalRel pushDown(
      StreamPhysicalWatermarkAssigner assigner,
      Function<StreamPhysicalTableSourceScan, ScanTableSource> sources) {
    if (isSourceWatermark(assigner.watermarkExpression())) {
      // The source's own watermarks flow on; nothing to generate.
      return assigner;
    }
    StreamPhysicalCalc projection = null;
    RelNode input = assigner.getInput();
    if (input instanceof StreamPhysicalCalc calc && calc.getProgram().getCondition() == null) {
      // A filter here would drop rows before the watermark sees them; only a projection moves.
      projection = calc;
      input = calc.getInput();
    }
    if (!(input instanceof StreamPhysicalTableSourceScan scan)
        || scan.source().watermark() != null
        || !(sources.apply(scan) instanceof SupportsWatermarkPushDown)) {
      return assigner;
    }
    RelDataType attribute =
        assigner.getRowType().getFieldList().get(assigner.rowtimeIndex()).getType();
    if (projection == null) {
      RexInputRef rowtime = RexInputRef.of(assigner.rowtimeIndex(), scan.getRowType());
      return scan.withWatermark(
          new SourceWatermark(scan.getRowType(), rowtime, assigner.watermarkExpression()),
          assigner.getRowType());
    }
    RexProgram program = projection.getProgram();
    List<RexNode> columns = new ArrayList<>();
    for (RexLocalRef project : program.getProjectList()) {
      columns.add(program.expandLocalRef(project));
    }
    RexNode rowtime = columns.get(assigner.rowtimeIndex());
    SourceWatermark pushed = new SourceWatermark(
        scan.getRowType(), rowtime, overScan(assigner.watermarkExpression(), columns));
    StreamPhysicalTableSourceScan watermarked;
    List<RexNode> computed;
    if (rowtime instanceof RexInputRef field) {
      // A field of the scan, moved by the projection: the scan makes it the attribute.
      watermarked = scan.withWatermark(
          pushed, withFieldType(
              scan.getCluster().getTypeFactory(), scan.getRowType(), field.getIndex(), attribute));
      RexInputRef marked = new RexInputRef(field.getIndex(), attribute);
      computed = columns.stream().map(c -> replaceRef(c, marked)).toList();
    } else if (rowtime instanceof RexCall call) {
      // A computed column: the same call, typed as the attribute the assigner made of it.
      watermarked = scan.withWatermark(pushed, scan.getRowType());
      computed = new ArrayList<>(columns);
      computed.set(assigner.rowtimeIndex(), call.clone(attribute, call.getOperands()));
    } else {
      return assigner;
    }
    RexProgram withRowtime = RexProgram.create(
        watermarked.getRowType(), computed, null, assigner.getRowType(),
        assigner.getCluster().getRexBuilder());
    return new StreamPhysicalCalc(
        projection.getCluster(), projection.getTraitSet(), watermarked, withRowtime);
  }

  /** {@code type} with field {@code index} of type {@code fieldType}. */
  private static RelDataType withFieldType(
      RelDataTypeFactory typeFactory, RelDataType type, int index, RelDataType fieldType) {
    List<RelDataType> types = new ArrayList<>();
    for (RelDataTypeField field : type.getFieldList()) {
      types.add(field.getIndex() == index ? fieldType : field.getType());
    }
    return typeFactory.createStructType(types, type.getFieldNames());
  }

  /** {@code expression} reading {@code ref}'s field through {@code ref}, with its type. */
  private static RexNode replaceRef(RexNode expression, RexInputRef ref) {
    return expression.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef input) {
        return input.getIndex() == ref.getIndex() ? ref : input;
      }
    });
  }

  /** The expression over the projection's columns, rewritten over the scan's fields. */
  private static RexNode overScan(RexNode expression, List<RexNode> columns) {
    return expression.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return columns.get(ref.getIndex());
      }
    });
  }

  private static boolean isSourceWatermark(RexNode expression) {
    return expression instanceof RexCall call
        && call.getOperator() == FlinkFunctions.SOURCE_WATERMARK;
  }
}
