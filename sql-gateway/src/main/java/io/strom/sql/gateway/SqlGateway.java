package io.strom.sql.gateway;

import io.strom.configuration.Configuration;
import io.strom.configuration.ConfigurationLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/strom-gateway}: runs the SQL gateway until it is stopped (Ctrl-C or SIGTERM), with
 * the configuration file's settings; {@code -D key=value} overrides any of them.
 */
@Command(
    name = "strom-gateway",
    mixinStandardHelpOptions = true,
    description = "Strom's SQL gateway: JDBC clients connect to jdbc:strom://host:port.")
public final class SqlGateway implements Callable<Integer> {

  @Option(names = {"-p", "--port"}, description = "The port to listen on (default 8765).")
  private Integer port;

  @Option(names = {"-a", "--address"}, description = "The address to listen on (default 127.0.0.1).")
  private String address;

  @Option(names = "-D", description = "Set a configuration key, e.g. -D sql-gateway.session.max-num=50.")
  private java.util.Map<String, String> overrides = new java.util.HashMap<>();

  public static void main(String[] args) {
    int exit = new CommandLine(new SqlGateway()).execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  @Override
  public Integer call() throws Exception {
    Configuration configuration = ConfigurationLoader.loadDefault();
    overrides.forEach(configuration::setString);
    if (port != null) {
      configuration.set(GatewayOptions.PORT, port);
    }
    if (address != null) {
      configuration.set(GatewayOptions.ADDRESS, address);
    }
    GatewayServer server = GatewayServer.start(configuration);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "gateway-shutdown"));
    server.join();
    return 0;
  }
}
