package io.strom.benchmarks.flink;

import static io.strom.connector.nexmark.NexmarkConnectorOptions.AUCTION_AVG_SIZE;
import static io.strom.connector.nexmark.NexmarkConnectorOptions.AUCTION_PROPORTION;
import static io.strom.connector.nexmark.NexmarkConnectorOptions.BASE_TIME;
import static io.strom.connector.nexmark.NexmarkConnectorOptions.BID_AVG_SIZE;
import static io.strom.connector.nexmark.NexmarkConnectorOptions.BID_PROPORTION;
import static io.strom.connector.nexmark.NexmarkConnectorOptions.EVENTS_NUM;
import static io.strom.connector.nexmark.NexmarkConnectorOptions.FIRST_EVENT_RATE;
import static io.strom.connector.nexmark.NexmarkConnectorOptions.HOT_AUCTION_RATIO;
import static io.strom.connector.nexmark.NexmarkConnectorOptions.HOT_BIDDER_RATIO;
import static io.strom.connector.nexmark.NexmarkConnectorOptions.HOT_SELLER_RATIO;
import static io.strom.connector.nexmark.NexmarkConnectorOptions.MAX_EMIT_SPEED;
import static io.strom.connector.nexmark.NexmarkConnectorOptions.PERSON_AVG_SIZE;
import static io.strom.connector.nexmark.NexmarkConnectorOptions.PERSON_PROPORTION;
import static io.strom.connector.nexmark.NexmarkConnectorOptions.SEED;

import io.strom.configuration.Configuration;
import io.strom.connector.nexmark.NexmarkConfig;
import io.strom.connector.nexmark.NexmarkConnectorOptions;
import io.strom.connector.nexmark.NexmarkSchema;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Flink factory of the {@code nexmark} connector over Strom's Nexmark generator. It takes the
 * options of Strom's connector ({@link NexmarkConnectorOptions}) and reads their values through
 * Strom's own configuration, so equal DDL gives equal events in both engines.
 */
public final class NexmarkFlinkTableFactory implements DynamicTableSourceFactory {
  public static final String IDENTIFIER = "nexmark";

  @Override
  public String factoryIdentifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of();
  }

  /** Strom's option keys, as strings: their values are parsed by Strom's configuration. */
  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    Set<ConfigOption<?>> options = new LinkedHashSet<>();
    for (io.strom.configuration.ConfigOption<?> option : NexmarkConnectorOptions.ALL) {
      options.add(ConfigOptions.key(option.key()).stringType().noDefaultValue());
    }
    return options;
  }

  @Override
  public DynamicTableSource createDynamicTableSource(Context context) {
    FactoryUtil.createTableFactoryHelper(this, context).validate();
    String table = context.getObjectIdentifier().asSummaryString();
    checkSchema(table, (RowType) context.getPhysicalRowDataType().getLogicalType());
    Map<String, String> values = new HashMap<>(context.getCatalogTable().getOptions());
    values.remove(FactoryUtil.CONNECTOR.key());
    Configuration options = Configuration.fromMap(values);
    if (!options.get(MAX_EMIT_SPEED)) {
      throw new ValidationException("Table '" + table + "': the Flink baseline emits Nexmark"
          + " events only as fast as it can; remove 'max-emit-speed' = 'false'.");
    }
    long baseTime = options.get(BASE_TIME);
    NexmarkConfig config = new NexmarkConfig(
        options.get(PERSON_PROPORTION),
        options.get(AUCTION_PROPORTION),
        options.get(BID_PROPORTION),
        options.get(FIRST_EVENT_RATE),
        options.get(EVENTS_NUM),
        options.get(HOT_AUCTION_RATIO),
        options.get(HOT_BIDDER_RATIO),
        options.get(HOT_SELLER_RATIO),
        (int) options.get(PERSON_AVG_SIZE).bytes(),
        (int) options.get(AUCTION_AVG_SIZE).bytes(),
        (int) options.get(BID_AVG_SIZE).bytes(),
        // One base time for every reader, fixed when the table is planned, as in Strom.
        baseTime == 0 ? System.currentTimeMillis() : baseTime,
        options.get(SEED));
    return new NexmarkFlinkTableSource(config);
  }

  /** The declared physical columns must be Strom's, names and type families alike. */
  private static void checkSchema(String table, RowType actual) {
    String problem = difference("", NexmarkSchema.PHYSICAL_TYPE, actual);
    if (problem != null) {
      throw new ValidationException("Table '" + table + "' does not have the columns of"
          + " connector 'nexmark': " + problem + ". Declare the physical columns of"
          + " benchmarks/src/main/resources/nexmark/ddl.sql.");
    }
  }

  private static String difference(String path, io.strom.types.RowType expected, RowType actual) {
    if (expected.fieldCount() != actual.getFieldCount()) {
      return (path.isEmpty() ? "the table" : "'" + path + "'") + " has " + actual.getFieldCount()
          + " physical columns, expected " + expected.fieldCount();
    }
    for (int i = 0; i < expected.fieldCount(); i++) {
      String name = expected.fieldNames().get(i);
      String at = path.isEmpty() ? name : path + "." + name;
      if (!name.equals(actual.getFieldNames().get(i))) {
        return "column '" + actual.getFieldNames().get(i) + "' where '" + at + "' is expected";
      }
      io.strom.types.LogicalType want = expected.typeAt(i);
      LogicalType got = actual.getTypeAt(i);
      if (!want.root().name().equals(got.getTypeRoot().name())) {
        return "'" + at + "' is " + got.asSummaryString() + ", expected "
            + want.asSummaryString();
      }
      if (want instanceof io.strom.types.RowType wantRow) {
        String nested = difference(at, wantRow, (RowType) got);
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }
}
