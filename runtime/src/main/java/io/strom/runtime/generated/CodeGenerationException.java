package io.strom.runtime.generated;

/**
 * Internal error: generated code did not compile or could not be instantiated. Always a bug in
 * Strom's code generation, never the user's fault; the message carries the generated source.
 */
public final class CodeGenerationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CodeGenerationException(String message, Throwable cause) {
    super(message, cause);
  }
}
