package io.strom.connector.kafka;

import static java.util.Objects.requireNonNull;

import io.strom.connector.ConnectorException;
import io.strom.connector.kafka.KafkaConnectorOptions.ValueFieldsStrategy;
import io.strom.types.RowType;
import io.strom.types.RowType.RowField;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which physical columns of a table live in the record key and which in the value, and the row
 * types the key and value formats see (key column names without {@code key.fields-prefix}).
 *
 * @param physicalType the table's physical columns
 * @param keyFields physical positions of the key columns, in {@code key.fields} order
 * @param valueFields physical positions of the value columns, in table order
 * @param keyPrefix the {@code key.fields-prefix}
 */
record KafkaTableLayout(RowType physicalType, int[] keyFields, int[] valueFields, String keyPrefix)
    implements Serializable {

  KafkaTableLayout {
    requireNonNull(physicalType, "physicalType");
    keyFields = keyFields.clone();
    valueFields = valueFields.clone();
    requireNonNull(keyPrefix, "keyPrefix");
  }

  /**
   * The layout that the options describe.
   *
   * @param keyFieldsOption the {@code key.fields} value, or null
   * @throws ConnectorException for an unknown key column or a prefix a key column lacks
   */
  static KafkaTableLayout of(
      RowType physicalType, String keyFieldsOption, String keyPrefix, ValueFieldsStrategy strategy) {
    List<Integer> keys = new ArrayList<>();
    if (keyFieldsOption != null) {
      for (String name : keyFieldsOption.split(";")) {
        String trimmed = name.trim();
        int index = physicalType.fieldIndex(trimmed);
        if (index < 0) {
          throw new ConnectorException(
              "'key.fields' names column '" + trimmed + "', which is not a physical column. Physical"
                  + " columns: " + String.join(", ", physicalType.fieldNames()) + ".");
        }
        if (keys.contains(index)) {
          throw new ConnectorException("'key.fields' names column '" + trimmed + "' twice.");
        }
        if (!trimmed.startsWith(keyPrefix)) {
          throw new ConnectorException(
              "Key column '" + trimmed + "' does not start with 'key.fields-prefix' '" + keyPrefix
                  + "'. Rename the column or change the prefix.");
        }
        keys.add(index);
      }
    }
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < physicalType.fieldCount(); i++) {
      if (strategy == ValueFieldsStrategy.ALL || !keys.contains(i)) {
        values.add(i);
      }
    }
    return new KafkaTableLayout(
        physicalType,
        keys.stream().mapToInt(Integer::intValue).toArray(),
        values.stream().mapToInt(Integer::intValue).toArray(),
        keyPrefix);
  }

  boolean hasKey() {
    return keyFields.length > 0;
  }

  /** The row the key format reads and writes: the key columns without the prefix. */
  RowType keyType() {
    List<RowField> fields = new ArrayList<>();
    for (int index : keyFields) {
      RowField field = physicalType.fields().get(index);
      fields.add(new RowField(field.name().substring(keyPrefix.length()), field.type()));
    }
    return new RowType(fields);
  }

  /** The row the value format reads and writes. */
  RowType valueType() {
    List<RowField> fields = new ArrayList<>();
    for (int index : valueFields) {
      fields.add(physicalType.fields().get(index));
    }
    return new RowType(fields);
  }

  static int indexOf(int[] array, int value) {
    for (int i = 0; i < array.length; i++) {
      if (array[i] == value) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KafkaTableLayout other
        && physicalType.equals(other.physicalType)
        && Arrays.equals(keyFields, other.keyFields)
        && Arrays.equals(valueFields, other.valueFields)
        && keyPrefix.equals(other.keyPrefix);
  }

  @Override
  public int hashCode() {
    return physicalType.hashCode() * 31 + Arrays.hashCode(keyFields) * 7 + Arrays.hashCode(valueFields);
  }
}
