package io.strom.benchmarks.flink;

import io.strom.connector.nexmark.CountCharFunction;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * Nexmark q14's {@code count_char} as a Flink function: Strom's {@link CountCharFunction}, whose
 * class q14's {@code CREATE FUNCTION} names, behind Flink's function base class.
 */
public final class CountCharFlinkFunction extends ScalarFunction {
  private static final long serialVersionUID = 1L;
  private final CountCharFunction strom = new CountCharFunction();

  public Long eval(String text, String character) {
    return strom.eval(text, character);
  }
}
