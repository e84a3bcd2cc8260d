package io.strom.connector.datagen;

import io.strom.util.Suggestions;
import static io.strom.connector.datagen.DataGenConnectorOptions.FIELDS_PREFIX;
import static io.strom.connector.datagen.DataGenConnectorOptions.FIELD_OPTIONS;

import io.strom.configuration.ConfigOption;
import io.strom.connector.ConnectorException;
import io.strom.connector.DynamicTableSourceFactory;
import io.strom.connector.FactoryUtil;
import io.strom.connector.ReadableOptions;
import io.strom.connector.ScanTableSource;
import io.strom.connector.TableContext;
import io.strom.runtime.source.lib.GeneratorSource;
import io.strom.types.RowType;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Factory of the {@code datagen} connector: random or sequential rows of any SQL type, bounded by
 * {@code number-of-rows} or by a sequence column, or endless.
 */
public final class DataGenTableSourceFactory implements DynamicTableSourceFactory {
  public static final String IDENTIFIER = "datagen";

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
    Set<ConfigOption<?>> options = new LinkedHashSet<>();
    options.add(DataGenConnectorOptions.ROWS_PER_SECOND);
    options.add(DataGenConnectorOptions.NUMBER_OF_ROWS);
    options.addAll(FIELD_OPTIONS);
    return options;
  }

  @Override
  public ScanTableSource createSource(TableContext context) {
    FactoryUtil.TableFactoryHelper helper = FactoryUtil.helper(this, context);
    helper.validateExcept(FIELDS_PREFIX);
    ReadableOptions options = helper.options();
    RowType type = context.physicalType();
    checkFieldKeys(context, type);

    long rate = options.get(DataGenConnectorOptions.ROWS_PER_SECOND);
    if (rate < 0) {
      throw options.invalidValue(DataGenConnectorOptions.ROWS_PER_SECOND.key(), Long.toString(rate),
          "a non-negative whole number (0 for no limit)");
    }
    long count = GeneratorSource.UNBOUNDED;
    Long rows = options.get(DataGenConnectorOptions.NUMBER_OF_ROWS);
    if (rows != null) {
      if (rows < 0) {
        throw options.invalidValue(DataGenConnectorOptions.NUMBER_OF_ROWS.key(), rows.toString(),
            "a non-negative whole number");
      }
      count = rows;
    }
    FieldGenerator[] columns = new FieldGenerator[type.fieldCount()];
    for (int i = 0; i < columns.length; i++) {
      ColumnGenerators generators = new ColumnGenerators(options, type.fieldNames().get(i));
      count = Math.min(count, generators.sequenceLength(type.typeAt(i)));
      columns[i] = generators.create(type.typeAt(i));
    }
    return new DataGenTableSource(type, columns, count, rate);
  }

  /** Every {@code fields.<column>.<option>} key must name a column and a per-column option. */
  private static void checkFieldKeys(TableContext context, RowType type) {
    Set<String> valid = new TreeSet<>();
    for (String column : type.fieldNames()) {
      for (ConfigOption<?> option : FIELD_OPTIONS) {
        valid.add(DataGenConnectorOptions.keyFor(option, column));
      }
    }
    for (String key : new TreeSet<>(context.options().keySet())) {
      if (!key.startsWith(FIELDS_PREFIX) || valid.contains(key)) {
        continue;
      }
      String hint = Suggestions.closest(key, valid).map(s -> " Did you mean '" + s + "'?").orElse("");
      String reason = describeProblem(key, type);
      throw new ConnectorException(
          "Unsupported option '" + key + "' for connector 'datagen': " + reason + "." + hint);
    }
  }

  private static String describeProblem(String key, RowType type) {
    String rest = key.substring(FIELDS_PREFIX.length());
    for (ConfigOption<?> option : FIELD_OPTIONS) {
      String suffix = "." + DataGenConnectorOptions.suffix(option);
      if (rest.endsWith(suffix)) {
        String column = rest.substring(0, rest.length() - suffix.length());
        return "there is no column '" + column + "' (columns: "
            + String.join(", ", type.fieldNames()) + ")";
      }
    }
    Set<String> suffixes = new TreeSet<>();
    FIELD_OPTIONS.forEach(o -> suffixes.add(DataGenConnectorOptions.suffix(o)));
    return "per-column options are 'fields.<column>.<option>' with <option> one of "
        + String.join(", ", suffixes);
  }
}
