package io.strom.planner.calcite;

import io.strom.connector.expressions.ResolvedExpression;
import io.strom.planner.catalog.CatalogTable;
import io.strom.planner.catalog.ObjectIdentifier;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * The table a scan reads: which catalog table, and the row type its connector produces (physical
 * columns, then metadata columns). Held by the scan's {@code RelOptTable}.
 */
public final class SourceTableRef extends AbstractTable {
  private final ObjectIdentifier identifier;
  private final CatalogTable table;
  private final RelDataType producedType;
  private final int[] projection;
  private final java.util.List<io.strom.data.Row> partitions;
  private final java.util.List<ResolvedExpression> filters;
  private final SourceWatermark watermark;
  /**
   * Per physical ROW field, the nested positions read; null when nothing was pruned. Lists, not
   * arrays, so that equal scans compare equal for sub-plan reuse.
   */
  private final java.util.Map<Integer, java.util.List<Integer>> nestedFields;

  SourceTableRef(ObjectIdentifier identifier, CatalogTable table, RelDataType producedType) {
    this(identifier, table, producedType, null, null, null, null, null);
  }

  private SourceTableRef(
      ObjectIdentifier identifier,
      CatalogTable table,
      RelDataType producedType,
      int[] projection,
      java.util.List<io.strom.data.Row> partitions,
      java.util.List<ResolvedExpression> filters,
      SourceWatermark watermark,
      java.util.Map<Integer, java.util.List<Integer>> nestedFields) {
    this.identifier = identifier;
    this.table = table;
    this.producedType = producedType;
    this.projection = projection;
    this.partitions = partitions;
    this.filters = filters;
    this.watermark = watermark;
    this.nestedFields = nestedFields;
  }

  /** The same table read through a projection of its physical fields, producing {@code type}. */
  public SourceTableRef withProjection(int[] fields, RelDataType type) {
    return new SourceTableRef(identifier, table, type, fields.clone(), partitions, filters,
        watermark, nestedFields);
  }

  /** The same table reading only these partitions (rows of the partition columns). */
  public SourceTableRef withPartitions(java.util.List<io.strom.data.Row> kept) {
    return new SourceTableRef(
        identifier, table, producedType, projection, java.util.List.copyOf(kept), filters,
        watermark, nestedFields);
  }

  /** The same table with its source applying these filters (conjuncts over the produced row). */
  public SourceTableRef withFilters(java.util.List<ResolvedExpression> applied) {
    return new SourceTableRef(
        identifier, table, producedType, projection, partitions, java.util.List.copyOf(applied),
        watermark, nestedFields);
  }

  /**
   * The same table with its source generating the table's watermark, producing {@code type} (the
   * rowtime field, when the source produces it, an event-time attribute).
   */
  public SourceTableRef withWatermark(SourceWatermark pushed, RelDataType type) {
    return new SourceTableRef(
        identifier, table, type, projection, partitions, filters,
        java.util.Objects.requireNonNull(pushed, "pushed"), nestedFields);
  }

  /**
   * The same table with its source building only these nested fields: per physical ROW field, the
   * positions read (see {@link io.strom.connector.SupportsNestedFieldPruning}).
   */
  public SourceTableRef withNestedFields(java.util.Map<Integer, int[]> read) {
    java.util.Map<Integer, java.util.List<Integer>> lists = new java.util.TreeMap<>();
    read.forEach((field, positions) ->
        lists.put(field, java.util.Arrays.stream(positions).boxed().toList()));
    return new SourceTableRef(identifier, table, producedType, projection, partitions, filters,
        watermark, java.util.Collections.unmodifiableMap(lists));
  }

  /** The nested fields the source builds per physical ROW field, or null for all of them. */
  public java.util.Map<Integer, int[]> nestedFields() {
    if (nestedFields == null) {
      return null;
    }
    java.util.Map<Integer, int[]> read = new java.util.TreeMap<>();
    nestedFields.forEach((field, positions) ->
        read.put(field, positions.stream().mapToInt(Integer::intValue).toArray()));
    return read;
  }

  /** The watermark the source generates, or null when it was not pushed into it. */
  public SourceWatermark watermark() {
    return watermark;
  }

  /** The filters the source applies, or null when none were pushed into it. */
  public java.util.List<ResolvedExpression> filters() {
    return filters;
  }

  /** The partitions read after pruning, or null for all. */
  public java.util.List<io.strom.data.Row> partitions() {
    return partitions;
  }

  /** The physical fields read, in order, or null for every column. */
  public int[] projection() {
    return projection == null ? null : projection.clone();
  }

  public ObjectIdentifier identifier() {
    return identifier;
  }

  public CatalogTable table() {
    return table;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return producedType;
  }
}
