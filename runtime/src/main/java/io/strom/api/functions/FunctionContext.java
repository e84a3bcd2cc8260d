package io.strom.api.functions;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * What generated functions and user-defined functions can learn about where they run: the
 * session's time zone, job parameters and the user class loader.
 *
 * @param timeZone the session time zone ({@code table.local-time-zone}); TIMESTAMP_LTZ values are
 *     shown and converted in it
 * @param parameters the job's configuration as key-value pairs
 * @param userClassLoader the class loader of user code
 */
public record FunctionContext(
    ZoneId timeZone, Map<String, String> parameters, ClassLoader userClassLoader) {
  public FunctionContext {
    requireNonNull(timeZone, "timeZone");
    parameters = Map.copyOf(requireNonNull(parameters, "parameters"));
    requireNonNull(userClassLoader, "userClassLoader");
  }

  /** A context in UTC with no parameters and this class's class loader; for tests and tools. */
  public static FunctionContext utc() {
    return new FunctionContext(
        ZoneOffset.UTC, Map.of(), FunctionContext.class.getClassLoader());
  }

  /** The value of a job parameter, or {@code defaultValue} when unset. */
  public String parameter(String key, String defaultValue) {
    return parameters.getOrDefault(key, defaultValue);
  }
}
