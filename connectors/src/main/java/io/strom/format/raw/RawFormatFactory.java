package io.strom.format.raw;

import io.strom.configuration.ConfigOption;
import io.strom.connector.ConnectorException;
import io.strom.connector.DecodingFormatFactory;
import io.strom.connector.EncodingFormatFactory;
import io.strom.connector.ReadableOptions;
import io.strom.connector.RowDecoder;
import io.strom.connector.RowEncoder;
import io.strom.types.LogicalTypeRoot;
import io.strom.types.RowType;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Set;

/**
 * Factory of the {@code raw} format: a record's bytes are the value of the table's only column, a
 * string (in {@code raw.charset}) or bytes.
 */
public final class RawFormatFactory implements DecodingFormatFactory, EncodingFormatFactory {
  public static final String IDENTIFIER = "raw";

  @Override
  public String identifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of();
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(RawFormatOptions.CHARSET);
  }

  @Override
  public RowDecoder createDecoder(RowType producedType, ReadableOptions formatOptions) {
    return new RawRowCodec(isString(producedType), charset(formatOptions));
  }

  @Override
  public RowEncoder createEncoder(RowType consumedType, ReadableOptions formatOptions) {
    return new RawRowCodec(isString(consumedType), charset(formatOptions));
  }

  /** True for a string column, false for bytes; anything else is an error. */
  private static boolean isString(RowType type) {
    LogicalTypeRoot root = type.fieldCount() == 1 ? type.fields().get(0).type().root() : null;
    if (root == LogicalTypeRoot.CHAR || root == LogicalTypeRoot.VARCHAR) {
      return true;
    }
    if (root == LogicalTypeRoot.BINARY || root == LogicalTypeRoot.VARBINARY) {
      return false;
    }
    throw new ConnectorException(
        "Format 'raw' reads and writes exactly one column of type STRING or BYTES, but the"
            + " columns it gets are " + type.asSummaryString() + ".");
  }

  private static String charset(ReadableOptions options) {
    String name = options.get(RawFormatOptions.CHARSET);
    try {
      return Charset.forName(name).name();
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw options.invalidValue(RawFormatOptions.CHARSET.key(), name, "a character set such as 'UTF-8'");
    }
  }
}
