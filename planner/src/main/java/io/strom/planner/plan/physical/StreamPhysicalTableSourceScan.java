package io.strom.planner.plan.physical;

import io.strom.planner.calcite.SourceTableRef;
import io.strom.planner.catalog.PrimaryKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;

/**
 * Reads a table through its connector: the physical columns, then requested metadata columns; or,
 * after projection push-down, only the physical columns in {@link #projection()}. After filter
 * push-down the source also applies the filters in {@link SourceTableRef#filters()}, and after
 * watermark push-down it generates the table's watermark ({@link SourceTableRef#watermark()}).
 */
public final class StreamPhysicalTableSourceScan extends TableScan implements StreamPhysicalRel {

  public StreamPhysicalTableSourceScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table) {
    super(cluster, traits, List.of(), table);
  }

  public SourceTableRef source() {
    return getTable().unwrap(SourceTableRef.class);
  }

  /** The physical fields read, or null when the scan reads every column. */
  public int[] projection() {
    return source().projection();
  }

  /** This scan reading only the given physical fields. */
  public StreamPhysicalTableSourceScan withProjection(int[] fields) {
    RelDataType all = getTable().getRowType();
    List<RelDataType> types = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int index : fields) {
      types.add(all.getFieldList().get(index).getType());
      names.add(all.getFieldList().get(index).getName());
    }
    RelDataType narrow = getCluster().getTypeFactory().createStructType(types, names);
    RelOptTable table =
        RelOptTableImpl.create(
            getTable().getRelOptSchema(),
            narrow,
            getTable().getQualifiedName(),
            source().withProjection(fields, narrow),
            (Expression) null);
    return new StreamPhysicalTableSourceScan(getCluster(), getTraitSet(), table);
  }

  /** This scan reading only the given partitions, as rows of the partition columns. */
  public StreamPhysicalTableSourceScan withPartitions(List<io.strom.data.Row> partitions) {
    RelOptTable table =
        RelOptTableImpl.create(
            getTable().getRelOptSchema(),
            getRowType(),
            getTable().getQualifiedName(),
            source().withPartitions(partitions),
            (Expression) null);
    return new StreamPhysicalTableSourceScan(getCluster(), getTraitSet(), table);
  }

  /** This scan with its source applying these filters. */
  public StreamPhysicalTableSourceScan withFilters(
      List<io.strom.connector.expressions.ResolvedExpression> filters) {
    RelOptTable table =
        RelOptTableImpl.create(
            getTable().getRelOptSchema(),
            getRowType(),
            getTable().getQualifiedName(),
            source().withFilters(filters),
            (Expression) null);
    return new StreamPhysicalTableSourceScan(getCluster(), getTraitSet(), table);
  }

  /**
   * This scan with its source generating {@code watermark}, producing {@code type}: the scan's
   * row, with the rowtime an event-time attribute when it is one of the scan's fields.
   */
  public StreamPhysicalTableSourceScan withWatermark(
      io.strom.planner.calcite.SourceWatermark watermark, RelDataType type) {
    RelOptTable table =
        RelOptTableImpl.create(
            getTable().getRelOptSchema(),
            type,
            getTable().getQualifiedName(),
            source().withWatermark(watermark, type),
            (Expression) null);
    return new StreamPhysicalTableSourceScan(getCluster(), getTraitSet(), table);
  }

  /** This scan with its source building only the nested fields read (see {@link SourceTableRef}). */
  public StreamPhysicalTableSourceScan withNestedFields(java.util.Map<Integer, int[]> read) {
    RelOptTable table =
        RelOptTableImpl.create(
            getTable().getRelOptSchema(),
            getRowType(),
            getTable().getQualifiedName(),
            source().withNestedFields(read),
            (Expression) null);
    return new StreamPhysicalTableSourceScan(getCluster(), getTraitSet(), table);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StreamPhysicalTableSourceScan(getCluster(), traitSet, getTable());
  }

  @Override
  public String planName() {
    return "TableSourceScan";
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return pw.item("table", getTable().getQualifiedName())
        .item("fields", String.join(", ", getRowType().getFieldNames()))
        .itemIf("partitions", source().partitions() == null ? 0 : source().partitions().size(),
            source().partitions() != null)
        .itemIf("filter", filterText(), source().filters() != null)
        .itemIf("watermark", watermarkText(), source().watermark() != null)
        .itemIf("nested", nestedText(), source().nestedFields() != null);
  }

  /** The pushed watermark expression, over the scan's field names as a Calc prints it. */
  private String watermarkText() {
    io.strom.planner.calcite.SourceWatermark watermark = source().watermark();
    return watermark == null
        ? ""
        : PlanText.withFieldNames(
            watermark.watermark().toString(), watermark.inputType().getFieldNames());
  }

  /** The nested fields the source builds, e.g. {@code bid.auction, bid.price}. */
  private String nestedText() {
    java.util.Map<Integer, int[]> nested = source().nestedFields();
    if (nested == null) {
      return "";
    }
    int[] projection = projection();
    List<String> read = new ArrayList<>();
    List<RelDataTypeField> fields = getRowType().getFieldList();
    for (int produced = 0; produced < fields.size(); produced++) {
      int physical = projection == null ? produced : projection[produced];
      int[] positions = nested.get(physical);
      if (positions == null) {
        continue;
      }
      RelDataTypeField field = fields.get(produced);
      for (int position : positions) {
        read.add(field.getName() + "." + field.getType().getFieldList().get(position).getName());
      }
    }
    return String.join(", ", read);
  }

  /** The pushed filters as one condition, as a Calc prints its {@code where}. */
  private String filterText() {
    List<io.strom.connector.expressions.ResolvedExpression> filters = source().filters();
    if (filters == null) {
      return "";
    }
    return filters.size() == 1
        ? filters.get(0).toString()
        : new io.strom.connector.expressions.CallExpression(
                io.strom.connector.expressions.CallExpression.Operator.AND, filters)
            .toString();
  }

  /**
   * An upsert source is normalized right after the scan into a full changelog, which needs each
   * key's last row to retract it ({@code -U}) and to complete deletes that carry only the key.
   */
  @Override
  public Optional<StateDescription> state(StateDescription.Context context) {
    PrimaryKey key = source().table().schema().primaryKey();
    if (key == null || !context.upsertSource().test(this)) {
      return Optional.empty();
    }
    return Optional.of(new StateDescription(
        "per primary key (" + String.join(", ", key.columns()) + "): the last row",
        context.ttlOrUnbounded()));
  }
}
