package io.strom.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Statements that do not parse report where (line, column) and what to do, briefly. */
class ParseErrorTest {
  private final StromSqlParser parser = new StromSqlParser();

  private SqlParseError scriptError(String script) {
    return catchThrowableOfType(SqlParseError.class, () -> parser.parseScript(script));
  }

  @Test
  void misspelledKeywordOnLineThreeIsReportedThereWithASuggestion() {
    SqlParseError e =
        scriptError(
            """
            SET 'parallelism.default' = '2';
            CREATE TABLE src (id INT) WITH ('connector' = 'datagen');
            CREATE TABLE sink (id INT) WIHT ('connector' = 'blackhole');
            INSERT INTO sink SELECT * FROM src;
            """);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(28);
    assertThat(e.getMessage())
        .startsWith("Encountered \"WIHT\" at line 3, column 28. Did you mean \"WITH\"?")
        .contains("Was expecting one of: \"WITH\", ");
  }

  @Test
  void misspelledFirstWordOfAStatementSuggestsTheStatement() {
    SqlParseError e = scriptError("SELECT 1;\n\nSELEC a FROM t;");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.getMessage())
        .isEqualTo(
            "Encountered \"SELEC\" at line 3, column 1, where a statement should start. Did you"
                + " mean \"SELECT\"? A statement starts with SELECT, INSERT, CREATE, DROP, ALTER,"
                + " SET, SHOW, ...");
  }

  @Test
  void misspelledInsertTargetKeywordListsBothChoices() {
    SqlParseError e = scriptError("INSERT INTOO sink SELECT 1");
    assertThat(e.getMessage())
        .isEqualTo(
            "Encountered \"INTOO\" at line 1, column 8. Did you mean \"INTO\"? Was expecting one"
                + " of: \"INTO\", \"OVERWRITE\"");
  }

  @Test
  void missingClosingParenthesisPointsAtTheNextClauseAndExpectsTheParenthesisFirst() {
    SqlParseError e =
        scriptError(
            """
            CREATE TABLE t (
              a INT,
              b STRING
            WITH ('connector' = 'datagen')
            """);
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.getMessage())
        .startsWith("Encountered \"WITH\" at line 4, column 1. Was expecting one of: \")\", \",\"");
  }

  @Test
  void primaryKeyWithoutNotEnforcedSaysHowToWriteIt() {
    SqlParseError e =
        scriptError(
            """
            CREATE TABLE users (
              id BIGINT,
              PRIMARY KEY (id)
            ) WITH ('connector' = 'datagen')
            """);
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.getMessage())
        .isEqualTo(
            "At line 4, column 1: PRIMARY KEY must be declared NOT ENFORCED, as in PRIMARY KEY"
                + " (id) NOT ENFORCED: Strom does not own the data, so it cannot enforce the key");
  }

  @Test
  void inlinePrimaryKeyDeclaredEnforcedIsRejectedAtEnforced() {
    SqlParseError e = scriptError("CREATE TABLE t (id INT PRIMARY KEY ENFORCED)");
    assertThat(e.column()).isEqualTo(36);
    assertThat(e.getMessage()).contains("ENFORCED primary keys are not supported").endsWith(
        "write NOT ENFORCED");
  }

  @Test
  void unquotedOptionKeyIsRejectedWithAnExample() {
    SqlParseError e = scriptError("CREATE TABLE t (id INT)\nWITH (connector = 'kafka')");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(7);
    assertThat(e.getMessage())
        .isEqualTo(
            "At line 2, column 7: Option key must be a string in single quotes, as in"
                + " 'connector' = 'kafka', not connector");
  }

  @Test
  void numericOptionValueIsRejected() {
    SqlParseError e = scriptError("CREATE TABLE t (id INT) WITH ('sink.parallelism' = 4)");
    assertThat(e.column()).isEqualTo(52);
    assertThat(e.getMessage()).contains("Option value must be a string in single quotes");
  }

  @Test
  void optionWithoutEqualsSignExpectsOne() {
    SqlParseError e = scriptError("CREATE TABLE t (id INT) WITH ('connector' 'kafka')");
    assertThat(e.column()).isEqualTo(50);
    assertThat(e.getMessage())
        .startsWith("Encountered \")\" at line 1, column 50. Was expecting one of: \"=\"");
  }

  @Test
  void longExpectedListsAreCutToAFewTokens() {
    SqlParseError e = scriptError("SELECT a FROM t WHER a > 1");
    assertThat(e.expected()).hasSizeGreaterThan(ParseErrors.MAX_EXPECTED);
    assertThat(e.getMessage()).endsWith(", ...");
    assertThat(e.getMessage().split(", ")).hasSizeLessThanOrEqualTo(ParseErrors.MAX_EXPECTED + 3);
  }

  @Test
  void secondWatermarkIsRejectedWhereItStands() {
    SqlParseError e = scriptError("CREATE TABLE t (a TIMESTAMP(3),\n WATERMARK FOR a AS a,\n"
        + " WATERMARK FOR a AS a)");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(2);
    assertThat(e.getMessage()).contains("at most one WATERMARK");
  }

  @Test
  void secondPrimaryKeyIsRejectedWhereItStands() {
    SqlParseError e =
        scriptError(
            "CREATE TABLE t (a INT PRIMARY KEY NOT ENFORCED, PRIMARY KEY (a) NOT ENFORCED)");
    assertThat(e.column()).isEqualTo(49);
    assertThat(e.getMessage()).contains("at most one PRIMARY KEY");
  }

  @Test
  void orReplaceIsOnlyForCreateTableAs() {
    assertThat(scriptError("CREATE OR REPLACE VIEW v AS SELECT 1").getMessage())
        .contains("OR REPLACE is supported only for CREATE OR REPLACE TABLE ... AS query");
    assertThat(scriptError("CREATE OR REPLACE TABLE t (a INT)").getMessage())
        .contains("OR REPLACE is supported only");
  }

  @Test
  void temporaryCatalogsAndSystemTablesAreRejected() {
    assertThat(scriptError("CREATE TEMPORARY CATALOG c WITH ('type' = 'x')").getMessage())
        .endsWith("CREATE CATALOG cannot be TEMPORARY; remove TEMPORARY");
    assertThat(scriptError("CREATE TEMPORARY SYSTEM TABLE t (a INT)").getMessage())
        .contains("SYSTEM applies only to");
  }

  @Test
  void explainDetailGivenTwiceIsRejected() {
    assertThat(scriptError("EXPLAIN CHANGELOG_MODE, CHANGELOG_MODE SELECT 1").getMessage())
        .isEqualTo(
            "At line 1, column 25: EXPLAIN detail CHANGELOG_MODE is given twice; list each detail"
                + " once");
  }

  @Test
  void unclosedNestedTypeExpectsTheClosingBracket() {
    SqlParseError e = scriptError("CREATE TABLE t (a ARRAY<INT)");
    assertThat(e.column()).isEqualTo(28);
    assertThat(e.getMessage()).startsWith(
        "Encountered \")\" at line 1, column 28. Was expecting one of: \">\"");
  }

  @Test
  void statementSetsInScriptsMustHoldOnlyInsertsAndBeClosed() {
    SqlParseError select =
        scriptError("BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nSELECT 2;\nEND;");
    assertThat(select.line()).isEqualTo(3);
    assertThat(select.getMessage()).contains("holds only INSERT statements, found SELECT");
    assertThat(scriptError("SELECT 1;\nEND;").getMessage())
        .isEqualTo(
            "At line 2, column 1: END without BEGIN STATEMENT SET; remove it or open the set"
                + " first");
    assertThat(scriptError("BEGIN STATEMENT SET; INSERT INTO a SELECT 1;").getMessage())
        .contains("BEGIN STATEMENT SET is never closed");
    assertThat(scriptError("BEGIN STATEMENT SET; END;").getMessage())
        .contains("needs at least one INSERT");
  }

  @Test
  void parseStatementRejectsSeveralStatements() {
    assertThatThrownBy(() -> parser.parseStatement("SELECT 1; SELECT 2"))
        .isInstanceOf(SqlParseError.class)
        .hasMessage(
            "Expected one statement, found 2 (the second at line 1, column 11); parse several as"
                + " a script");
    assertThatThrownBy(() -> parser.parseStatement("-- nothing\n"))
        .hasMessage("Expected a statement, found none");
  }

  @Test
  void unterminatedStringIsALexicalErrorWithItsPosition() {
    SqlParseError e = scriptError("SELECT 1;\nSELECT 'abc");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(8);
  }
}
