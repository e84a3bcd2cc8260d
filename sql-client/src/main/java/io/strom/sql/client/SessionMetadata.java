package io.strom.sql.client;

import java.util.List;

/**
 * What the shell's completion needs to know of a session: its catalogs, databases, tables,
 * columns, functions and option keys. Lookups that fail give empty lists; completion never
 * interrupts typing with an error.
 */
interface SessionMetadata {

  List<String> catalogs();

  /** The databases of a catalog. */
  List<String> databases(String catalog);

  /** The tables and views of the current database. */
  List<String> tables();

  /** The tables and views of a database. */
  List<String> tables(String catalog, String database);

  /** The columns of a table, named as in a query (one to three parts); empty if not a table. */
  List<String> columns(List<String> tableName);

  /** Every function's name. */
  List<String> functions();

  /** Every configuration key {@code SET} knows. */
  List<String> optionKeys();
}
