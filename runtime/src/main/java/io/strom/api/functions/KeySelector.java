package io.strom.api.functions;

/**
 * Extracts the key of an element. Keys must have stable {@code equals} and {@code hashCode}: they
 * pick the parallel instance that owns the key, and index its state.
 */
@FunctionalInterface
public interface KeySelector<IN, K> extends Function {
  K getKey(IN value) throws Exception;
}
