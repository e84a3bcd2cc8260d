package io.strom.connector;

import io.strom.data.GenericRow;
import io.strom.types.RowType;

/** A decoder that decodes whole records with another decoder and keeps only projected fields. */
final class ProjectingRowDecoder implements RowDecoder {
  private static final long serialVersionUID = 1L;

  private final RowDecoder full;
  private final RowCopier copier;
  private final int arity;
  private transient GenericRow projected;

  ProjectingRowDecoder(RowDecoder full, RowType physicalType, int[] projection) {
    this.full = full;
    this.copier = new RowCopier(physicalType.fieldTypes(), projection);
    this.arity = projection.length;
  }

  @Override
  public void open(DecoderContext context) {
    full.open(context);
  }

  @Override
  public void decode(byte[] bytes, int offset, int length, RowCollector out)
      throws RowDecodeException {
    if (projected == null) {
      projected = new GenericRow(arity);
    }
    full.decode(bytes, offset, length, row -> {
      copier.copy(row, projected);
      out.collect(projected);
    });
  }

  @Override
  public boolean isIncomplete(byte[] bytes, int offset, int length) {
    return full.isIncomplete(bytes, offset, length);
  }

  @Override
  public ChangelogMode changelogMode() {
    return full.changelogMode();
  }
}
