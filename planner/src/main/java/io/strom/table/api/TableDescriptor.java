package io.strom.table.api;

import io.strom.configuration.ConfigOption;
import io.strom.planner.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A connector table declared in Java, the twin of CREATE TABLE:
 * {@code TableDescriptor.forConnector("datagen").schema(schema).option("rows-per-second", "10")
 * .build()}.
 */
public final class TableDescriptor {
  private final Schema schema;
  private final Map<String, String> options;
  private final List<String> partitionKeys;
  private final String comment;

  private TableDescriptor(
      Schema schema, Map<String, String> options, List<String> partitionKeys, String comment) {
    this.schema = schema;
    this.options = Map.copyOf(options);
    this.partitionKeys = List.copyOf(partitionKeys);
    this.comment = comment;
  }

  public static Builder forConnector(String connector) {
    return new Builder().option("connector", connector);
  }

  /** The CREATE TABLE statement that declares this table after {@code head}. */
  String toDdl(String head) {
    if (schema == null) {
      throw new ValidationException("A table descriptor needs a schema: add schema(Schema...)");
    }
    StringBuilder ddl = new StringBuilder(head).append(' ').append(schema.toDdl());
    if (comment != null) {
      ddl.append("\nCOMMENT ").append(SqlText.string(comment));
    }
    if (!partitionKeys.isEmpty()) {
      ddl.append("\nPARTITIONED BY (")
          .append(partitionKeys.stream().map(SqlText::quote).collect(Collectors.joining(", ")))
          .append(')');
    }
    ddl.append("\nWITH (")
        .append(options.entrySet().stream()
            .map(e -> SqlText.string(e.getKey()) + " = " + SqlText.string(e.getValue()))
            .collect(Collectors.joining(", ")))
        .append(')');
    return ddl.toString();
  }

  @Override
  public String toString() {
    return toDdl("CREATE TABLE <name>");
  }

  /** Builds a {@link TableDescriptor}. */
  public static final class Builder {
    private Schema schema;
    private final Map<String, String> options = new LinkedHashMap<>();
    private List<String> partitionKeys = List.of();
    private String comment;

    private Builder() {}

    public Builder schema(Schema schema) {
      this.schema = schema;
      return this;
    }

    public Builder option(String key, String value) {
      options.put(key, value);
      return this;
    }

    public <T> Builder option(ConfigOption<T> option, T value) {
      return option(option.key(), String.valueOf(value));
    }

    /** The format of a connector that reads or writes bytes: {@code format("json")}. */
    public Builder format(String format) {
      return option("format", format);
    }

    /**
     * A format with options, which are written prefixed with its name, e.g. {@code csv.field-delimiter}.
     */
    public Builder format(String format, Map<String, String> formatOptions) {
      option("format", format);
      formatOptions.forEach((k, v) -> option(format + "." + k, v));
      return this;
    }

    public Builder partitionedBy(String... columns) {
      this.partitionKeys = List.of(columns);
      return this;
    }

    public Builder comment(String comment) {
      this.comment = comment;
      return this;
    }

    public TableDescriptor build() {
      return new TableDescriptor(schema, options, partitionKeys, comment);
    }
  }
}
