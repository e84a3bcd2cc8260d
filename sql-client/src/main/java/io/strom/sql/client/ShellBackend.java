package io.strom.sql.client;

import io.strom.configuration.Configuration;
import java.util.function.Consumer;

/** Where the shell's statements run: a session in this JVM, or a session on a SQL gateway. */
interface ShellBackend extends AutoCloseable {

  /**
   * Runs a script's statements in order, handing each result on as soon as its statement has
   * run; the first failing statement's exception propagates.
   */
  void executeScript(String script, Consumer<ShellResult> onResult);

  /** Runs one statement. */
  ShellResult execute(String statement);

  /** The session's current settings (the shell reads its own keys from them). */
  Configuration settings();

  /** What completion needs to know of the session. */
  SessionMetadata metadata();

  /** Called after each statement the person typed, so cached metadata is read again. */
  default void statementRan() {}

  /**
   * Cancels what runs now, as far as the backend can from another thread (the shell calls this
   * on Ctrl-C, besides interrupting its own thread).
   */
  default void cancelRunning() {}
}
