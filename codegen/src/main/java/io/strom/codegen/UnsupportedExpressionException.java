package io.strom.codegen;

/**
 * User error raised at planning time: a query uses a function or expression Strom cannot generate
 * code for yet, e.g. {@code Function 'FOO' is not supported yet}.
 */
public final class UnsupportedExpressionException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;

  public UnsupportedExpressionException(String message) {
    super(message);
  }

  /** The error for a function with no code generator. */
  public static UnsupportedExpressionException function(String name) {
    return new UnsupportedExpressionException("Function '" + name + "' is not supported yet");
  }
}
