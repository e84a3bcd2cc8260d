package io.strom.api.functions;

/**
 * Base class of user-defined scalar functions: one value out per call, e.g. {@code
 * SELECT my_hash(name) FROM t}.
 *
 * <p>Subclasses declare one or more public {@code eval} methods; the one whose parameters fit the
 * call's argument types is chosen at planning time, by reflection. Parameters and results use Java
 * types: {@code String}, {@code int}/{@code Integer}, {@code long}/{@code Long}, {@code double},
 * {@code boolean}, {@code BigDecimal}, {@code LocalDate}, {@code LocalTime}, {@code
 * LocalDateTime}, {@code Instant}, {@code byte[]}. A boxed parameter receives SQL NULL as {@code
 * null}; when an argument for a primitive parameter is NULL the function is not called and the
 * result is NULL. Annotate a method or parameter with {@link DataTypeHint} for a type Java cannot
 * express, such as {@code DECIMAL(10, 2)}.
 *
 * <p>Instances are serialized with the plan; each parallel instance is opened before first use.
 */
public abstract class ScalarFunction implements UserDefinedFunction {
  private static final long serialVersionUID = 1L;

  @Override
  public void open(FunctionContext context) throws Exception {}

  @Override
  public void close() throws Exception {}

  /** False when the function may return different results for equal arguments (random, time). */
  public boolean isDeterministic() {
    return true;
  }
}
