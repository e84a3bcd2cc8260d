package io.strom.connector;

import io.strom.types.RowType;

/** A {@link Factory} of encoders from rows to bytes, selected by {@code 'format'}. */
public interface EncodingFormatFactory extends Factory {

  /**
   * Creates an encoder of rows of {@code consumedType}.
   *
   * @param formatOptions this format's options without their {@code <format>.} prefix
   * @throws ConnectorException when a type or option cannot be served
   */
  RowEncoder createEncoder(RowType consumedType, ReadableOptions formatOptions);
}
