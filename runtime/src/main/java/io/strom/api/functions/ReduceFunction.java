package io.strom.api.functions;

/** Combines two values of the same type into one; must be associative. */
@FunctionalInterface
public interface ReduceFunction<T> extends Function {
  T reduce(T first, T second) throws Exception;
}
