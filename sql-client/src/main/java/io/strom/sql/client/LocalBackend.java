package io.strom.sql.client;

import io.strom.configuration.Configuration;
import io.strom.planner.config.KnownOptions;
import io.strom.planner.session.SqlSession;
import java.util.function.Consumer;

/** A session in this JVM, on an embedded cluster of its own. */
final class LocalBackend implements ShellBackend {
  private final SqlSession session;
  private final LocalSessionMetadata metadata;

  LocalBackend(SqlSession session, KnownOptions options) {
    this.session = session;
    this.metadata = new LocalSessionMetadata(session, options);
  }

  @Override
  public void executeScript(String script, Consumer<ShellResult> onResult) {
    session.executeScript(script, result -> onResult.accept(ShellResult.of(result)));
  }

  @Override
  public ShellResult execute(String statement) {
    return ShellResult.of(session.execute(statement));
  }

  @Override
  public Configuration settings() {
    return session.settings();
  }

  @Override
  public SessionMetadata metadata() {
    return metadata;
  }

  @Override
  public void statementRan() {
    metadata.refresh();
  }

  @Override
  public void close() throws Exception {
    session.close();
  }
}
