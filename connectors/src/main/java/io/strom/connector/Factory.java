package io.strom.connector;

import io.strom.configuration.ConfigOption;
import java.util.Set;

/**
 * A plug-in that builds connectors or formats from the options of a {@code CREATE TABLE ... WITH
 * (...)} clause, found through {@link java.util.ServiceLoader} under {@code
 * META-INF/services/io.strom.connector.Factory}.
 *
 * <p>The options a factory declares are the only ones {@link FactoryUtil} lets through: every other
 * key is reported as unsupported, with the closest declared key as a suggestion.
 */
public interface Factory {

  /** The value of {@code 'connector'} or {@code 'format'} that selects this factory, e.g. {@code csv}. */
  String identifier();

  /** Options that must be set. */
  Set<ConfigOption<?>> requiredOptions();

  /** Options that may be set. */
  Set<ConfigOption<?>> optionalOptions();
}
