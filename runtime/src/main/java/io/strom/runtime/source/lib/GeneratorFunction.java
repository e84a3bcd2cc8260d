package io.strom.runtime.source.lib;

import io.strom.api.functions.Function;

/** Makes the element with a given index; must be deterministic for repeatable jobs. */
@FunctionalInterface
public interface GeneratorFunction<T> extends Function {
  T generate(long index) throws Exception;
}
