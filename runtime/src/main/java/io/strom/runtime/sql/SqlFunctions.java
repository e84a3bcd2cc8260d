package io.strom.runtime.sql;

import io.strom.api.functions.FunctionContext;
import io.strom.runtime.operators.OperatorContext;
import java.time.ZoneId;

/** How SQL operators set up the generated functions they run. */
public final class SqlFunctions {
  private SqlFunctions() {}

  /** The context generated functions open with: the session time zone and the job's settings. */
  public static FunctionContext functionContext(OperatorContext<?> context) {
    String zone = context.jobConfiguration().get(SqlRuntimeOptions.LOCAL_TIME_ZONE);
    ZoneId timeZone = zone.equals("default") ? ZoneId.systemDefault() : ZoneId.of(zone);
    return new FunctionContext(
        timeZone, context.jobConfiguration().toMap(), context.userCodeClassLoader());
  }
}
