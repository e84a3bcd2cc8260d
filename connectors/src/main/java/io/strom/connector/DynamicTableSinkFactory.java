package io.strom.connector;

/** A {@link Factory} of table sinks, selected by {@code 'connector'}. */
public interface DynamicTableSinkFactory extends Factory {

  /**
   * Creates the sink of a table; validates the options with {@link FactoryUtil#helper}.
   *
   * @throws ConnectorException when the options are wrong
   */
  TableSink createSink(TableContext context);
}
