package io.strom.planner.catalog;

import static java.util.Objects.requireNonNull;

/**
 * The full name of a table, view or function: catalog, database and object name.
 *
 * @param catalog the catalog
 * @param database the database within the catalog
 * @param name the object's name within the database
 */
public record ObjectIdentifier(String catalog, String database, String name) {
  public ObjectIdentifier {
    requireNonNull(catalog, "catalog");
    requireNonNull(database, "database");
    requireNonNull(name, "name");
  }

  public ObjectPath path() {
    return new ObjectPath(database, name);
  }

  /** The name as SQL would write it, quoting only parts that need it: {@code cat.db.`my table`}. */
  public String asSummaryString() {
    return quote(catalog) + "." + quote(database) + "." + quote(name);
  }

  static String quote(String part) {
    boolean plain = !part.isEmpty() && Character.isJavaIdentifierStart(part.charAt(0));
    for (int i = 0; plain && i < part.length(); i++) {
      plain = Character.isJavaIdentifierPart(part.charAt(i)) && part.charAt(i) != '$';
    }
    return plain ? part : "`" + part.replace("`", "``") + "`";
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
