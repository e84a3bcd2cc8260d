package io.strom.table.api;

import io.strom.planner.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts run together as one job, each source read once for all of them, as SQL's {@code
 * EXECUTE STATEMENT SET}.
 */
public final class StatementSet {
  private final TableEnvironment env;
  private final List<String> inserts = new ArrayList<>();

  StatementSet(TableEnvironment env) {
    this.env = env;
  }

  /** Adds an {@code INSERT INTO ...} statement. */
  public StatementSet addInsertSql(String insert) {
    inserts.add(insert);
    return this;
  }

  /** Adds an insert of {@code table}'s rows into the table at {@code path}. */
  public StatementSet addInsert(String path, Table table) {
    if (table.environment() != env) {
      throw new ValidationException("A table of another table environment cannot be inserted here");
    }
    inserts.add("INSERT INTO " + path + " " + table.sql());
    return this;
  }

  /** The plans of the inserts together. */
  public String explain() {
    return env.explainSql(statement());
  }

  /**
   * Runs the inserts as one job: over bounded tables it waits and reports the rows written per
   * table; otherwise it reports the job id. The set is empty again afterwards.
   */
  public TableResult execute() {
    String statement = statement();
    inserts.clear();
    return env.executeSql(statement);
  }

  private String statement() {
    if (inserts.isEmpty()) {
      throw new ValidationException("The statement set is empty; add inserts first");
    }
    return "EXECUTE STATEMENT SET BEGIN\n" + String.join(";\n", inserts) + ";\nEND";
  }
}
