package io.strom.codegen.udf;

import io.strom.api.functions.DataTypeHint;
import io.strom.api.functions.FunctionContext;
import io.strom.api.functions.ScalarFunction;
import java.math.BigDecimal;

/** User-defined functions called from SQL in tests. */
public final class TestFunctions {
  private TestFunctions() {}

  /** Adds a greeting prefix set in open(); overloaded for strings and ints. */
  public static class Greet extends ScalarFunction {
    private static final long serialVersionUID = 1L;
    private transient String prefix;

    @Override
    public void open(FunctionContext context) {
      prefix = context.parameter("greeting", "hi ");
    }

    public String eval(String name) {
      return name == null ? "nobody" : prefix + name;
    }

    public int eval(int a, int b) {
      return a * b;
    }
  }

  /** Returns a price with a declared DECIMAL type. */
  public static class Price extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    @DataTypeHint("DECIMAL(10, 2)")
    public BigDecimal eval(BigDecimal amount, Integer quantity) {
      return quantity == null ? null : amount.multiply(BigDecimal.valueOf(quantity));
    }
  }
}
