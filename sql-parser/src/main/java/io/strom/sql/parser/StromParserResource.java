package io.strom.sql.parser;

import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.runtime.Resources;
import org.apache.calcite.runtime.Resources.BaseMessage;
import org.apache.calcite.runtime.Resources.ExInst;

/**
 * The messages of the errors that Strom's grammar rules raise themselves, in one typed interface
 * as Calcite keeps its own. Each says what is wrong and how to write it instead; the position is
 * added by the parser. Messages use {@link java.text.MessageFormat}, so a literal quote is
 * written twice.
 */
public interface StromParserResource {
  /** The one instance, backed by the messages below. */
  StromParserResource RESOURCE = Resources.create(StromParserResource.class);

  @BaseMessage("{0} must be a string in single quotes, as in ''connector'' = ''kafka'', not {1}")
  ExInst<CalciteException> mustBeQuoted(String role, String found);

  @BaseMessage(
      "PRIMARY KEY must be declared NOT ENFORCED, as in PRIMARY KEY (id) NOT ENFORCED: Strom does"
          + " not own the data, so it cannot enforce the key")
  ExInst<CalciteException> primaryKeyNeedsNotEnforced();

  @BaseMessage(
      "ENFORCED primary keys are not supported: Strom does not own the data, so it cannot enforce"
          + " the key; write NOT ENFORCED")
  ExInst<CalciteException> primaryKeyCannotBeEnforced();

  @BaseMessage("A table has at most one PRIMARY KEY; remove this one or merge its columns")
  ExInst<CalciteException> duplicatePrimaryKey();

  @BaseMessage("A table has at most one WATERMARK definition; remove this one")
  ExInst<CalciteException> duplicateWatermark();

  @BaseMessage("SYSTEM applies only to CREATE/DROP TEMPORARY SYSTEM FUNCTION")
  ExInst<CalciteException> systemOnlyForFunctions();

  @BaseMessage("{0} cannot be TEMPORARY; remove TEMPORARY")
  ExInst<CalciteException> temporaryNotAllowed(String statement);

  @BaseMessage(
      "OR REPLACE is supported only for CREATE OR REPLACE TABLE ... AS query; drop the object"
          + " first, or remove OR REPLACE")
  ExInst<CalciteException> orReplaceOnlyForCtas();

  @BaseMessage("EXPLAIN detail {0} is given twice; list each detail once")
  ExInst<CalciteException> duplicateExplainDetail(String detail);

  @BaseMessage(
      "A statement set holds only INSERT statements, found {0}; run it before BEGIN STATEMENT SET"
          + " or after END")
  ExInst<CalciteException> onlyInsertInStatementSet(String kind);

  @BaseMessage("END without BEGIN STATEMENT SET; remove it or open the set first")
  ExInst<CalciteException> endWithoutBegin();

  @BaseMessage("BEGIN STATEMENT SET inside an open statement set; close the first one with END")
  ExInst<CalciteException> nestedStatementSet();

  @BaseMessage("BEGIN STATEMENT SET is never closed; add END; after its INSERT statements")
  ExInst<CalciteException> unclosedStatementSet();

  @BaseMessage(
      "A statement set needs at least one INSERT statement between BEGIN STATEMENT SET and END")
  ExInst<CalciteException> emptyStatementSet();
}
