package io.strom.planner.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.functions.DataTypeHint;
import io.strom.planner.ValidationException;
import io.strom.planner.testing.WeightedAvgFunction;
import io.strom.table.functions.AggregateFunction;
import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Registering user-defined aggregate functions: a class that cannot be called as one is refused
 * at registration, with a message that names it and says what to change.
 */
class AggregateFunctionRegistrationTest {

  /** A serializable accumulator for the functions below. */
  public static final class Count implements Serializable {
    private static final long serialVersionUID = 1L;
    public long n;
  }

  /** Accumulates nothing: it has no accumulate method. */
  public static final class NoAccumulate extends AggregateFunction<Long, Count> {
    @Override
    public Count createAccumulator() {
      return new Count();
    }

    @Override
    public Long getValue(Count acc) {
      return acc.n;
    }
  }

  /** An accumulator Java serialization cannot write. */
  public static final class Unserializable {
    public long n;
  }

  /** Keeps its count in an accumulator that is not serializable. */
  public static final class UnserializableAccumulator extends AggregateFunction<Long, Unserializable> {
    @Override
    public Unserializable createAccumulator() {
      return new Unserializable();
    }

    @Override
    public Long getValue(Unserializable acc) {
      return acc.n;
    }

    public void accumulate(Unserializable acc, long value) {
      acc.n++;
    }
  }

  /** Returns a list, which has no SQL type without a hint. */
  public static final class ListResult extends AggregateFunction<List<String>, Count> {
    @Override
    public Count createAccumulator() {
      return new Count();
    }

    @Override
    public List<String> getValue(Count acc) {
      return List.of();
    }

    public void accumulate(Count acc, String value) {
      acc.n++;
    }
  }

  /** Declares a result type its getValue does not return. */
  public static final class MismatchedHint extends AggregateFunction<Long, Count> {
    @Override
    public Count createAccumulator() {
      return new Count();
    }

    @Override
    @DataTypeHint("STRING")
    public Long getValue(Count acc) {
      return acc.n;
    }

    public void accumulate(Count acc, String value) {
      acc.n++;
    }
  }

  /** A counter whose class others cannot reach. */
  private static final class Hidden extends AggregateFunction<Long, Count> {
    @Override
    public Count createAccumulator() {
      return new Count();
    }

    @Override
    public Long getValue(Count acc) {
      return acc.n;
    }

    public void accumulate(Count acc, String value) {
      acc.n++;
    }
  }

  private final FunctionCatalog functions = new FunctionCatalog();

  @Test
  void acceptsAClassAndAnInstanceAndListsThem() {
    functions.create("wavg", WeightedAvgFunction.class.getName(), getClass().getClassLoader(), false);
    functions.createTemporarySystemFunction("wavg2", new WeightedAvgFunction());

    assertThat(functions.userFunctionNames()).containsExactly("wavg", "wavg2");
    assertThat(functions.allFunctionNames()).contains("wavg", "wavg2", "SUM");
  }

  @Test
  void refusesAClassWithoutAccumulate() {
    assertThatThrownBy(() -> functions.createTemporarySystemFunction("f", new NoAccumulate()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Aggregate function 'f' (" + NoAccumulate.class.getName() + ")")
        .hasMessageContaining("declares no method 'public void accumulate(Count acc, ...)'");
    assertThatThrownBy(() -> functions.create(
            "f", NoAccumulate.class.getName(), getClass().getClassLoader(), false))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("declares no method 'public void accumulate(Count acc, ...)'");
    assertThat(functions.userFunctionNames()).isEmpty();
  }

  @Test
  void refusesAnAccumulatorThatIsNotSerializable() {
    assertThatThrownBy(() -> functions.createTemporarySystemFunction(
            "f", new UnserializableAccumulator()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("creates accumulators of class " + Unserializable.class.getName()
            + ", which must implement java.io.Serializable");
  }

  @Test
  void refusesAResultWithoutSqlTypeOrWithAHintItDoesNotReturn() {
    assertThatThrownBy(() -> functions.createTemporarySystemFunction("f", new ListResult()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("its result class java.util.List has no SQL type; annotate getValue"
            + " or the class with @DataTypeHint");
    assertThatThrownBy(() -> functions.createTemporarySystemFunction("f", new MismatchedHint()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("getValue returns java.lang.Long, which is not a Java value of its"
            + " declared result type VARCHAR");
  }

  /** Leaves getValue to subclasses. */
  public abstract static class WithoutGetValue extends AggregateFunction<Long, Count> {
    @Override
    public Count createAccumulator() {
      return new Count();
    }

    public void accumulate(Count acc, String value) {
      acc.n++;
    }
  }

  @Test
  void refusesAClassWithoutGetValue() {
    assertThatThrownBy(() -> functions.create(
            "f", WithoutGetValue.class.getName(), getClass().getClassLoader(), false))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Aggregate function 'f' (" + WithoutGetValue.class.getName()
            + ") is abstract; it must implement createAccumulator() and getValue(ACC acc)");
  }

  @Test
  void refusesAClassThatIsNotPublic() {
    assertThatThrownBy(() -> functions.createTemporarySystemFunction("f", new Hidden()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must be a public class");
  }
}
