package io.strom.planner.calcite;

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

  SourceTableRef(ObjectIdentifier identifier, CatalogTable table, RelDataType producedType) {
    this.identifier = identifier;
    this.table = table;
    this.producedType = producedType;
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
