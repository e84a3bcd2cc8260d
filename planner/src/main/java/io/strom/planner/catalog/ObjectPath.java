package io.strom.planner.catalog;

import static java.util.Objects.requireNonNull;

/**
 * The name of an object within one catalog: database and object name.
 *
 * @param database the database
 * @param name the object's name
 */
public record ObjectPath(String database, String name) {
  public ObjectPath {
    requireNonNull(database, "database");
    requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return ObjectIdentifier.quote(database) + "." + ObjectIdentifier.quote(name);
  }
}
