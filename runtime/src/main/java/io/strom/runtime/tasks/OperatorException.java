package io.strom.runtime.tasks;

/**
 * Carries an exception thrown by an operator (or the user function in it) out of a chain, naming
 * the operator. The task unwraps it to report the original exception.
 */
public final class OperatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String operatorName;

  public OperatorException(String operatorName, Throwable cause) {
    super("Operator '" + operatorName + "' failed: " + cause, cause);
    this.operatorName = operatorName;
  }

  public String operatorName() {
    return operatorName;
  }

  /** {@code e} as thrown by operator {@code name}, unless it already names an operator. */
  public static RuntimeException wrap(String name, Throwable e) {
    if (e instanceof OperatorException oe) {
      return oe;
    }
    return new OperatorException(name, e);
  }
}
