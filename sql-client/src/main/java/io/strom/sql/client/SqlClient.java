package io.strom.sql.client;

import io.strom.configuration.Configuration;
import io.strom.configuration.ConfigurationLoader;
import io.strom.planner.config.KnownOptions;
import io.strom.planner.session.SqlSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/strom-sql}: Strom's SQL shell on the embedded cluster. With {@code -f} it runs a
 * script and exits (non-zero on the first failing statement); otherwise it opens an interactive
 * prompt.
 */
@Command(
    name = "strom-sql",
    mixinStandardHelpOptions = true,
    description = "Strom's SQL shell.")
public final class SqlClient implements Callable<Integer> {

  @Option(
      names = {"-f", "--file"},
      description = "Run the statements of this script, then exit.")
  private Path script;

  @Option(
      names = {"-i", "--init"},
      description = "Run this script first (e.g. table definitions), then go on.")
  private Path init;

  @Option(
      names = {"-g", "--gateway"},
      paramLabel = "host:port",
      description = "Run statements on this SQL gateway instead of an embedded cluster.")
  private String gateway;

  @Option(names = {"-u", "--user"}, description = "The user for the gateway, if it asks for one.")
  private String user;

  @Option(
      names = {"-p", "--password"},
      description = "The password for the gateway (default: the STROM_PASSWORD variable).")
  private String password;

  @Option(
      names = {"-hist", "--history"},
      description = "The file that keeps the statements typed (default: ~/.strom_sql_history).")
  private Path history;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SqlClient()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Configuration defaults = ConfigurationLoader.loadDefault();
    KnownOptions options = KnownOptions.of(SqlClientOptions.class);
    if (gateway != null) {
      GatewayBackend remote;
      try {
        remote =
            new GatewayBackend(
                gateway, user, password != null ? password : System.getenv("STROM_PASSWORD"));
      } catch (java.sql.SQLException | RuntimeException e) {
        throw new CommandLine.ParameterException(
            new CommandLine(new SqlClient()),
            "Cannot connect to the gateway " + gateway + ": "
                + GatewayBackend.userError(e).getMessage());
      }
      try (remote) {
        return run(remote);
      }
    }
    try (SqlSession session = new SqlSession(defaults, options)) {
      // The shell shows rows as they come, so slow or endless queries show progress and can stop.
      session.setStreamQueryResults(true);
      return run(new LocalBackend(session, options));
    }
  }

  private int run(ShellBackend session) throws IOException {
    if (script != null) {
      PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
      CliSession cli = new CliSession(session, out, null);
      if (init != null && cli.runScript(read(init)) == CliSession.Outcome.FAILED) {
        return 1;
      }
      return cli.runScript(read(script)) == CliSession.Outcome.FAILED ? 1 : 0;
    }
    return interactive(session);
  }

  private static String read(Path file) throws IOException {
    if (!Files.isReadable(file)) {
      throw new CommandLine.ParameterException(
          new CommandLine(new SqlClient()), "Cannot read the script " + file);
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private int interactive(ShellBackend session) throws IOException {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      Path historyFile =
          history != null ? history : Paths.get(System.getProperty("user.home"), ".strom_sql_history");
      LineReader reader =
          LineReaderBuilder.builder()
              .terminal(terminal)
              .appName("strom-sql")
              .parser(new SqlLineParser())
              .completer(new SqlCompleter(session.metadata()))
              .highlighter(new SqlHighlighter())
              .variable(LineReader.HISTORY_FILE, historyFile)
              .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
              .variable(LineReader.SECONDARY_PROMPT_PATTERN, "> ")
              .option(LineReader.Option.CASE_INSENSITIVE, true)
              .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
              .build();
      PrintWriter out = terminal.writer();
      CliSession cli = new CliSession(session, out, terminal);
      // Outside line editing, Ctrl-C cancels the running statement or query.
      terminal.handle(Terminal.Signal.INT, signal -> cli.cancel());
      if (init != null) {
        cli.runScript(read(init));
      }
      out.println(
          "Welcome to Strom. Statements end with ';'. Type HELP; for help, QUIT; or Ctrl-D to"
              + " leave; Ctrl-C cancels a running statement.");
      out.println();
      out.flush();
      StatementBuffer buffer = new StatementBuffer();
      while (true) {
        String line;
        try {
          line = reader.readLine(buffer.isEmpty() ? "Strom SQL> " : "> ");
        } catch (UserInterruptException e) {
          buffer.clear();
          continue;
        } catch (EndOfFileException e) {
          out.println();
          out.flush();
          return 0;
        }
        buffer.append(line);
        if (!buffer.isComplete()) {
          continue;
        }
        String statement = buffer.text();
        buffer.clear();
        CliSession.Outcome outcome = cli.runScript(statement);
        session.statementRan();
        if (outcome == CliSession.Outcome.QUIT) {
          return 0;
        }
      }
    }
  }
}
