package io.strom.connector;

import io.strom.types.RowType;

/** A {@link Factory} of decoders from bytes to rows, selected by {@code 'format'}. */
public interface DecodingFormatFactory extends Factory {

  /**
   * Creates a decoder producing rows of {@code producedType}.
   *
   * @param formatOptions this format's options without their {@code <format>.} prefix
   * @throws ConnectorException when a type or option cannot be served
   */
  RowDecoder createDecoder(RowType producedType, ReadableOptions formatOptions);

  /**
   * Creates a decoder that reads records of {@code physicalType} but produces only the fields at
   * {@code projection}, in that order. Formats that can skip unneeded fields override this; the
   * default decodes everything and copies the projected fields.
   */
  default RowDecoder createDecoder(
      RowType physicalType, int[] projection, ReadableOptions formatOptions) {
    RowDecoder full = createDecoder(physicalType, formatOptions);
    return Projections.isIdentity(projection, physicalType.fieldCount())
        ? full
        : new ProjectingRowDecoder(full, physicalType, projection);
  }
}
