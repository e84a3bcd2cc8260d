package io.strom.connector.kafka;

import static java.util.Objects.requireNonNull;

import io.strom.connector.ChangelogMode;
import io.strom.connector.ConnectorException;
import io.strom.connector.DecodingFormatFactory;
import io.strom.connector.Projections;
import io.strom.connector.ReadableOptions;
import io.strom.connector.ScanTableSource;
import io.strom.connector.SupportsProjectionPushDown;
import io.strom.connector.SupportsReadingMetadata;
import io.strom.connector.SupportsWatermarkPushDown;
import io.strom.data.Row;
import io.strom.runtime.source.Source;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import io.strom.types.RowType.RowField;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scan of Kafka topics: key and value decoded by their formats into the table's columns, with
 * projection push-down (formats decode only the columns a query reads), the record's metadata
 * columns, and watermarks per partition.
 */
final class KafkaTableSource
    implements ScanTableSource, SupportsProjectionPushDown, SupportsReadingMetadata,
        SupportsWatermarkPushDown {

  /**
   * A format as the table configures it.
   *
   * @param factory the format
   * @param options its options, without prefix
   * @param optionPrefix how the user writes its options, e.g. {@code key.json.}
   */
  record FormatChoice(DecodingFormatFactory factory, ReadableOptions options, String optionPrefix) {}

  private final KafkaSourceSettings settings;
  private final KafkaTableLayout layout;
  private final FormatChoice keyFormat;
  private final FormatChoice valueFormat;
  private final boolean upsert;
  private int[] projection;
  private List<String> metadataKeys = List.of();

  KafkaTableSource(
      KafkaSourceSettings settings,
      KafkaTableLayout layout,
      FormatChoice keyFormat,
      FormatChoice valueFormat,
      boolean upsert) {
    this.settings = requireNonNull(settings, "settings");
    this.layout = requireNonNull(layout, "layout");
    this.keyFormat = keyFormat;
    this.valueFormat = requireNonNull(valueFormat, "valueFormat");
    this.upsert = upsert;
    this.projection = Projections.identity(layout.physicalType().fieldCount());
  }

  @Override
  public ChangelogMode changelogMode() {
    if (upsert) {
      return ChangelogMode.upsert();
    }
    return valueFormat.factory().createDecoder(layout.valueType(), valueFormat.options()).changelogMode();
  }

  @Override
  public boolean isBounded() {
    return settings.isBounded();
  }

  @Override
  public RowType producedType() {
    List<RowField> fields =
        new ArrayList<>(Projections.project(layout.physicalType(), projection).fields());
    for (String key : metadataKeys) {
      fields.add(new RowField(key, KafkaMetadata.ofKey(key).type));
    }
    return new RowType(fields);
  }

  /** Each partition is a split with its own watermark; see {@link KafkaSourceReader}. */
  @Override
  public Optional<Duration> idleTimeout() {
    return Optional.ofNullable(settings.idleTimeout());
  }

  @Override
  public Source<Row, ?> createRuntimeSource() {
    List<KafkaMetadata> metadata = metadataKeys.stream().map(KafkaMetadata::ofKey).toList();
    return new KafkaSource(
        settings,
        new KafkaRecordDecoder(keyPart(), valuePart(), metadata, projection.length, upsert));
  }

  /**
   * Decodes the projected columns that only the key holds, or for an upsert table every key
   * column (a tombstone has only its key); null when there are none.
   */
  private KafkaRecordDecoder.Part keyPart() {
    List<Integer> fromKey = new ArrayList<>();
    List<Integer> targets = new ArrayList<>();
    for (int out = 0; out < projection.length; out++) {
      int keyPos = KafkaTableLayout.indexOf(layout.keyFields(), projection[out]);
      if (keyPos >= 0
          && (upsert || KafkaTableLayout.indexOf(layout.valueFields(), projection[out]) < 0)) {
        fromKey.add(keyPos);
        targets.add(out);
      }
    }
    if (fromKey.isEmpty()) {
      return null;
    }
    return part(keyFormat, layout.keyType(), fromKey, targets);
  }

  /** Decodes the projected columns the value holds. */
  private KafkaRecordDecoder.Part valuePart() {
    List<Integer> fromValue = new ArrayList<>();
    List<Integer> targets = new ArrayList<>();
    for (int out = 0; out < projection.length; out++) {
      int valuePos = KafkaTableLayout.indexOf(layout.valueFields(), projection[out]);
      if (valuePos >= 0) {
        fromValue.add(valuePos);
        targets.add(out);
      }
    }
    return part(valueFormat, layout.valueType(), fromValue, targets);
  }

  private static KafkaRecordDecoder.Part part(
      FormatChoice format, RowType type, List<Integer> fields, List<Integer> targets) {
    int[] fieldArray = fields.stream().mapToInt(Integer::intValue).toArray();
    return new KafkaRecordDecoder.Part(
        format.factory().createDecoder(type, fieldArray, format.options()),
        Projections.project(type, fieldArray).fieldTypes(),
        targets.stream().mapToInt(Integer::intValue).toArray(),
        format.optionPrefix());
  }

  @Override
  public void applyProjection(int[] physicalFields) {
    Projections.project(layout.physicalType(), physicalFields);
    this.projection = physicalFields.clone();
  }

  @Override
  public Map<String, LogicalType> listReadableMetadata() {
    Map<String, LogicalType> result = new LinkedHashMap<>();
    for (KafkaMetadata m : KafkaMetadata.values()) {
      result.put(m.key, m.type);
    }
    return result;
  }

  @Override
  public void applyReadableMetadata(List<String> keys) {
    for (String key : keys) {
      if (KafkaMetadata.ofKey(key) == null) {
        throw new ConnectorException(
            "The kafka connector has no metadata '" + key + "'. Available: "
                + String.join(", ", listReadableMetadata().keySet()) + ".");
      }
    }
    this.metadataKeys = List.copyOf(keys);
  }

  @Override
  public String summary() {
    StringBuilder sb = new StringBuilder(upsert ? "upsert-kafka(topic=" : "kafka(topic=").append(settings.subscription())
        .append(", format=").append(valueFormat.factory().identifier());
    if (keyFormat != null) {
      sb.append(", key.format=").append(keyFormat.factory().identifier());
    }
    if (!Projections.isIdentity(projection, layout.physicalType().fieldCount())) {
      sb.append(", project=")
          .append(Projections.project(layout.physicalType(), projection).fieldNames());
    }
    if (!metadataKeys.isEmpty()) {
      sb.append(", metadata=").append(metadataKeys);
    }
    return sb.append(')').toString();
  }

  @Override
  public KafkaTableSource copy() {
    KafkaTableSource copy = new KafkaTableSource(settings, layout, keyFormat, valueFormat, upsert);
    copy.projection = projection.clone();
    copy.metadataKeys = metadataKeys;
    return copy;
  }
}
