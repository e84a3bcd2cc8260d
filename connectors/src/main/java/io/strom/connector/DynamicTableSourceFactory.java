package io.strom.connector;

/** A {@link Factory} of table sources, selected by {@code 'connector'}. */
public interface DynamicTableSourceFactory extends Factory {

  /**
   * Creates the source of a table; validates the options with {@link FactoryUtil#helper}.
   *
   * @throws ConnectorException when the options are wrong
   */
  ScanTableSource createSource(TableContext context);
}
