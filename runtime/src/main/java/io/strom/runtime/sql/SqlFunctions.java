package io.strom.runtime.sql;

import io.strom.api.functions.FunctionContext;
import io.strom.runtime.operators.OperatorContext;
import java.time.ZoneId;

/** How SQL operators set up the generated functions they run. */
final class SqlFunctions {
  private SqlFunctions() {}

  /** Job setting of the session time zone, as Flink names it. */
  static final String LOCAL_TIME_ZONE = "table.local-time-zone";

  /** The context generated functions open with: the session time zone and the job's settings. */
  static FunctionContext functionContext(OperatorContext<?> context) {
    String zone = context.jobConfiguration().getString(LOCAL_TIME_ZONE);
    ZoneId timeZone =
        zone == null || zone.equals("default") ? ZoneId.systemDefault() : ZoneId.of(zone);
    return new FunctionContext(
        timeZone, context.jobConfiguration().toMap(), context.userCodeClassLoader());
  }
}
