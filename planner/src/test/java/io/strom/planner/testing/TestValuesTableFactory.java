package io.strom.planner.testing;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;
import io.strom.connector.ChangelogMode;
import io.strom.connector.DynamicTableSourceFactory;
import io.strom.connector.FactoryUtil;
import io.strom.connector.ScanTableSource;
import io.strom.connector.TableContext;
import io.strom.data.Row;
import io.strom.runtime.source.Source;
import io.strom.runtime.source.lib.GeneratorSource;
import io.strom.types.RowType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test connector ({@code 'connector' = 'test-values'}) whose table holds rows a test registered
 * in this JVM ({@code 'data-id'} names them), for queries over values that no file format can
 * express exactly. With {@code 'changelog-mode' = 'all'} the rows are changes,
 * each of its own kind, as a changelog format (debezium-json) gives them.
 */
public final class TestValuesTableFactory implements DynamicTableSourceFactory {
  private static final Map<String, List<Row>> DATA = new ConcurrentHashMap<>();
  /** Rows read so far from each registration, over all scans of all tables naming it. */
  private static final Map<String, AtomicLong> READS = new ConcurrentHashMap<>();

  static final ConfigOption<String> DATA_ID =
      ConfigOptions.key("data-id").stringType().noDefaultValue().withDescription("Registered rows.");

  /** Registers rows and returns the id a table's {@code 'data-id'} option refers to them by. */
  public static String register(List<Row> rows) {
    String id = UUID.randomUUID().toString();
    DATA.put(id, List.copyOf(rows));
    return id;
  }

  /** How many rows the scans of tables over registration {@code id} have read so far. */
  public static long reads(String id) {
    AtomicLong reads = READS.get(id);
    return reads == null ? 0 : reads.get();
  }

  static final ConfigOption<String> CHANGELOG_MODE =
      ConfigOptions.key("changelog-mode")
          .stringType()
          .defaultValue("insert-only")
          .withDescription("The kinds of the registered rows: insert-only or all.");

  @Override
  public String identifier() {
    return "test-values";
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of(DATA_ID);
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(CHANGELOG_MODE);
  }

  @Override
  public ScanTableSource createSource(TableContext context) {
    FactoryUtil.helper(this, context).validate();
    String id = context.options().get(DATA_ID.key());
    if (!DATA.containsKey(id)) {
      throw new IllegalArgumentException("No test rows registered under " + id);
    }
    String mode = context.options().getOrDefault(CHANGELOG_MODE.key(), CHANGELOG_MODE.defaultValue());
    ChangelogMode changelogMode = switch (mode) {
      case "insert-only" -> ChangelogMode.insertOnly();
      case "all" -> ChangelogMode.all();
      default -> throw new IllegalArgumentException(
          "'changelog-mode' is insert-only or all, not '" + mode + "'");
    };
    return new Values(id, context.physicalType(), changelogMode);
  }

  private record Values(String id, RowType type, ChangelogMode mode) implements ScanTableSource {
    @Override
    public ChangelogMode changelogMode() {
      return mode;
    }

    @Override
    public boolean isBounded() {
      return true;
    }

    @Override
    public RowType producedType() {
      return type;
    }

    @Override
    public Source<Row, ?> createRuntimeSource() {
      String data = id;
      return new GeneratorSource<Row>(i -> {
        READS.computeIfAbsent(data, k -> new AtomicLong()).incrementAndGet();
        return DATA.get(data).get((int) i);
      }, DATA.get(id).size(), 0);
    }

    @Override
    public String summary() {
      return "test-values";
    }

    @Override
    public ScanTableSource copy() {
      return this;
    }
  }
}
