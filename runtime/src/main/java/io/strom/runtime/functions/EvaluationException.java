package io.strom.runtime.functions;

/**
 * User error: a SQL expression could not be evaluated on a row's values, e.g. {@code Cannot cast
 * 'abc' to INT} or a division by zero. The message says what value failed and how.
 */
public final class EvaluationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EvaluationException(String message) {
    super(message);
  }

  public EvaluationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The error for a value that cannot be cast to {@code targetType}. */
  public static EvaluationException cannotCast(Object value, String targetType) {
    return new EvaluationException(
        "Cannot cast '" + value + "' to " + targetType
            + "; use TRY_CAST to get NULL for values that do not convert");
  }
}
