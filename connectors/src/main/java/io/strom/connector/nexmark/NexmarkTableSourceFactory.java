package io.strom.connector.nexmark;

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
import static io.strom.connector.nexmark.NexmarkConnectorOptions.NEXT_EVENT_RATE;
import static io.strom.connector.nexmark.NexmarkConnectorOptions.PERSON_AVG_SIZE;
import static io.strom.connector.nexmark.NexmarkConnectorOptions.PERSON_PROPORTION;
import static io.strom.connector.nexmark.NexmarkConnectorOptions.SEED;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.MemorySize;
import io.strom.connector.DynamicTableSourceFactory;
import io.strom.connector.FactoryUtil;
import io.strom.connector.ReadableOptions;
import io.strom.connector.ScanTableSource;
import io.strom.connector.TableContext;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Factory of the {@code nexmark} connector: the events of the Nexmark benchmark (persons,
 * auctions and bids), generated as Nexmark's generator does, with the columns of Nexmark's Flink
 * DDL.
 */
public final class NexmarkTableSourceFactory implements DynamicTableSourceFactory {
  public static final String IDENTIFIER = "nexmark";

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
    return new LinkedHashSet<>(NexmarkConnectorOptions.ALL);
  }

  @Override
  public ScanTableSource createSource(TableContext context) {
    FactoryUtil.TableFactoryHelper helper = FactoryUtil.helper(this, context);
    helper.validate();
    NexmarkSchema.check(context.name(), context.physicalType());
    ReadableOptions options = helper.options();
    long baseTime = atLeast(options, BASE_TIME, 0);
    NexmarkConfig config = new NexmarkConfig(
        (int) atLeast(options, PERSON_PROPORTION, 1),
        (int) atLeast(options, AUCTION_PROPORTION, 1),
        (int) atLeast(options, BID_PROPORTION, 0),
        atLeast(options, FIRST_EVENT_RATE, 1),
        atLeast(options, EVENTS_NUM, 0),
        (int) atLeast(options, HOT_AUCTION_RATIO, 1),
        (int) atLeast(options, HOT_BIDDER_RATIO, 1),
        (int) atLeast(options, HOT_SELLER_RATIO, 1),
        size(options, PERSON_AVG_SIZE),
        size(options, AUCTION_AVG_SIZE),
        size(options, BID_AVG_SIZE),
        // One base time for every reader, fixed when the table is planned, as Nexmark does.
        baseTime == 0 ? System.currentTimeMillis() : baseTime,
        options.get(SEED));
    atLeast(options, NEXT_EVENT_RATE, 1);
    return new NexmarkTableSource(context.physicalType(), config, options.get(MAX_EMIT_SPEED));
  }

  private static long atLeast(ReadableOptions options, ConfigOption<? extends Number> option,
      long min) {
    long value = options.get(option).longValue();
    if (value < min) {
      throw options.invalidValue(option.key(), Long.toString(value),
          min == 0 ? "a whole number of 0 or more" : "a whole number of " + min + " or more");
    }
    return value;
  }

  private static int size(ReadableOptions options, ConfigOption<MemorySize> option) {
    MemorySize size = options.get(option);
    if (size.bytes() > Integer.MAX_VALUE) {
      throw options.invalidValue(option.key(), size.toString(), "a size below 2 gb");
    }
    return (int) size.bytes();
  }
}
