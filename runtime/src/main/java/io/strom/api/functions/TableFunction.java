package io.strom.api.functions;

/**
 * Base class of user-defined table functions: zero or more rows out per call, joined to the
 * calling row with {@code LATERAL TABLE(f(x))}.
 *
 * <p>Subclasses declare public {@code eval} methods, chosen like those of {@link ScalarFunction},
 * and emit rows with {@link #collect}. The row type comes from {@code T} or from a {@link
 * DataTypeHint} on the class, e.g. {@code @DataTypeHint("ROW<word STRING, length INT>")}.
 *
 * @param <T> the Java type of an emitted row or value
 */
public abstract class TableFunction<T> implements UserDefinedFunction {
  private static final long serialVersionUID = 1L;

  private transient Collector<T> collector;

  /** Set by the runtime before {@code eval} is called. */
  public final void setCollector(Collector<T> collector) {
    this.collector = collector;
  }

  /** Emits one row for the current call. */
  protected final void collect(T row) {
    if (collector == null) {
      throw new IllegalStateException(
          getClass().getName() + ".collect was called before the runtime set a collector");
    }
    collector.collect(row);
  }

  @Override
  public void open(FunctionContext context) throws Exception {}

  @Override
  public void close() throws Exception {}
}
