package io.strom.format.csv;

import io.strom.configuration.ConfigOption;
import io.strom.connector.ConnectorException;
import io.strom.connector.DecodingFormatFactory;
import io.strom.connector.EncodingFormatFactory;
import io.strom.connector.Projections;
import io.strom.connector.ReadableOptions;
import io.strom.connector.RowDecoder;
import io.strom.connector.RowEncoder;
import io.strom.types.ArrayType;
import io.strom.types.LogicalType;
import io.strom.types.LogicalTypeRoot;
import io.strom.types.RowType;
import java.util.Set;

/**
 * Factory of the {@code csv} format: one row per line, fields as Flink SQL prints them. Scalars of
 * every type, arrays of scalars and rows of scalars (both joined by the array element delimiter)
 * are supported; maps and multisets are not.
 */
public final class CsvFormatFactory implements DecodingFormatFactory, EncodingFormatFactory {
  public static final String IDENTIFIER = "csv";

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
    return Set.of(
        CsvFormatOptions.FIELD_DELIMITER,
        CsvFormatOptions.QUOTE_CHARACTER,
        CsvFormatOptions.DISABLE_QUOTE_CHARACTER,
        CsvFormatOptions.ALLOW_COMMENTS,
        CsvFormatOptions.IGNORE_PARSE_ERRORS,
        CsvFormatOptions.ARRAY_ELEMENT_DELIMITER,
        CsvFormatOptions.ESCAPE_CHARACTER,
        CsvFormatOptions.NULL_LITERAL);
  }

  @Override
  public RowDecoder createDecoder(RowType producedType, ReadableOptions formatOptions) {
    return createDecoder(producedType, Projections.identity(producedType.fieldCount()), formatOptions);
  }

  /** Parses only the projected columns; the others are scanned over. */
  @Override
  public RowDecoder createDecoder(
      RowType physicalType, int[] projection, ReadableOptions formatOptions) {
    checkTypes(physicalType);
    Projections.project(physicalType, projection);
    return new CsvRowDecoder(physicalType, projection, CsvSpec.from(formatOptions));
  }

  @Override
  public RowEncoder createEncoder(RowType consumedType, ReadableOptions formatOptions) {
    checkTypes(consumedType);
    return new CsvRowEncoder(consumedType, CsvSpec.from(formatOptions));
  }

  private static void checkTypes(RowType type) {
    for (RowType.RowField field : type.fields()) {
      LogicalType t = field.type();
      boolean ok = switch (t.root()) {
        case ARRAY -> isScalar(((ArrayType) t).elementType());
        case ROW -> t.children().stream().allMatch(CsvFormatFactory::isScalar);
        default -> isScalar(t);
      };
      if (!ok) {
        throw new ConnectorException(
            "The csv format cannot hold column '" + field.name() + "' of type "
                + t.asSummaryString() + ": it supports scalar types, arrays of scalars and rows of"
                + " scalars. Use the json format for nested data.");
      }
    }
  }

  private static boolean isScalar(LogicalType type) {
    LogicalTypeRoot root = type.root();
    return root != LogicalTypeRoot.ARRAY && root != LogicalTypeRoot.MAP
        && root != LogicalTypeRoot.MULTISET && root != LogicalTypeRoot.ROW
        && root != LogicalTypeRoot.NULL;
  }
}
