package io.strom.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.sql.parser.common.SqlKeyValue;
import io.strom.sql.parser.ddl.SqlComputedColumn;
import io.strom.sql.parser.ddl.SqlCreateTable;
import io.strom.sql.parser.ddl.SqlMetadataColumn;
import io.strom.sql.parser.ddl.SqlRegularColumn;
import io.strom.sql.parser.ddl.SqlTableColumn;
import io.strom.sql.parser.ddl.SqlTableLike;
import io.strom.sql.parser.dml.SqlExecute;
import io.strom.sql.parser.dml.SqlStatementSet;
import io.strom.sql.parser.dml.SqlStromInsert;
import io.strom.sql.parser.stmt.SqlSet;
import io.strom.sql.parser.type.SqlAngleCollectionTypeNameSpec;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

/** The facade: scripts, single statements, and what the nodes expose to the planner. */
class StromSqlParserTest {
  private final StromSqlParser parser = new StromSqlParser();

  @Test
  void scriptSplitsOnSemicolonsOutsideStringsAndSkipsComments() {
    List<SqlNode> statements =
        parser.parseScript(
            """
            -- settings first
            SET 'pipeline.name' = 'a;b';
            /* a table
               over two lines; with a semicolon in the comment */
            CREATE TABLE t (
              a INT, -- the key
              b STRING
            )
            WITH ('connector' = 'datagen');

            SELECT a,
                   b
            FROM t
            """);
    assertThat(statements)
        .extracting(n -> n.getClass().getSimpleName())
        .containsExactly("SqlSet", "SqlCreateTable", "SqlSelect");
    assertThat(((SqlSet) statements.get(0)).value()).contains("a;b");
  }

  @Test
  void positionsAreRelativeToTheWholeScript() {
    List<SqlNode> statements = parser.parseScript("SELECT 1;\n\n  SELECT 2;");
    assertThat(statements.get(1).getParserPosition().getLineNum()).isEqualTo(3);
    assertThat(statements.get(1).getParserPosition().getColumnNum()).isEqualTo(3);
  }

  @Test
  void emptyScriptHasNoStatements() {
    assertThat(parser.parseScript("  -- only a comment\n")).isEmpty();
  }

  @Test
  void parseStatementAcceptsATrailingSemicolon() {
    assertThat(parser.parseStatement("SHOW TABLES;").toString()).isEqualTo("SHOW TABLES");
  }

  @Test
  void clientStatementSetBlockBecomesOneExecutedStatementSet() {
    List<SqlNode> statements =
        parser.parseScript(
            """
            BEGIN STATEMENT SET;
            INSERT INTO s1 SELECT * FROM t;
            INSERT INTO s2 SELECT * FROM t;
            END;
            SELECT 1;
            """);
    assertThat(statements).hasSize(2);
    SqlExecute execute = (SqlExecute) statements.get(0);
    SqlStatementSet set = (SqlStatementSet) execute.statement();
    assertThat(set.inserts()).hasSize(2).allMatch(n -> n instanceof SqlStromInsert);
    assertThat(execute.getParserPosition().getLineNum()).isEqualTo(1);
    assertThat(execute.getParserPosition().getEndLineNum()).isEqualTo(4);
  }

  @Test
  void unquotedAndQuotedIdentifiersKeepTheirCase() {
    SqlSelect select = (SqlSelect) parser.parseStatement("SELECT dateTime, `MixedCase` FROM Bids");
    assertThat(select.getSelectList())
        .extracting(n -> ((SqlIdentifier) n).getSimple())
        .containsExactly("dateTime", "MixedCase");
    assertThat(((SqlIdentifier) select.getFrom()).getSimple()).isEqualTo("Bids");
  }

  @Test
  void keywordsAreCaseInsensitive() {
    assertThat(parser.parseStatement("create table t (a int) with ('k' = 'v')"))
        .isInstanceOf(SqlCreateTable.class);
  }

  @Test
  void createTableExposesColumnsKeyWatermarkAndOptions() {
    SqlCreateTable table =
        (SqlCreateTable)
            parser.parseStatement(
                """
                CREATE TABLE orders (
                  id BIGINT NOT NULL,
                  tags ARRAY<STRING NOT NULL>,
                  total AS price * qty,
                  ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,
                  price DOUBLE, qty INT,
                  PRIMARY KEY (id) NOT ENFORCED,
                  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
                ) COMMENT 'orders' PARTITIONED BY (id)
                WITH ('connector' = 'kafka', 'topic' = 'orders')
                LIKE base (EXCLUDING OPTIONS)
                """);
    assertThat(table.name().toString()).isEqualTo("orders");
    List<SqlTableColumn> columns = table.columns();
    assertThat(columns).extracting(SqlTableColumn::nameString)
        .containsExactly("id", "tags", "total", "ts", "price", "qty");
    SqlRegularColumn id = (SqlRegularColumn) columns.get(0);
    assertThat(id.type().getNullable()).isFalse();
    SqlRegularColumn tags = (SqlRegularColumn) columns.get(1);
    SqlAngleCollectionTypeNameSpec tagsType =
        (SqlAngleCollectionTypeNameSpec) tags.type().getTypeNameSpec();
    assertThat(tagsType.element().getNullable()).isFalse();
    assertThat(columns.get(2)).isInstanceOf(SqlComputedColumn.class);
    SqlMetadataColumn ts = (SqlMetadataColumn) columns.get(3);
    assertThat(ts.metadataKey()).contains("timestamp");
    assertThat(ts.isVirtual()).isTrue();
    assertThat(table.primaryKey().orElseThrow().columnNames()).containsExactly("id");
    assertThat(table.watermark().orElseThrow().eventTimeColumn().toString()).isEqualTo("ts");
    assertThat(table.commentText()).contains("orders");
    assertThat(table.options())
        .extracting(n -> ((SqlKeyValue) n).keyString() + "=" + ((SqlKeyValue) n).valueString())
        .containsExactly("connector=kafka", "topic=orders");
    SqlTableLike like = table.like().orElseThrow();
    assertThat(like.options())
        .containsExactly(
            new SqlTableLike.LikeOption(
                SqlTableLike.Strategy.EXCLUDING, SqlTableLike.Feature.OPTIONS));
    assertThat(table.getKind()).isEqualTo(SqlKind.CREATE_TABLE);
  }

  @Test
  void inlinePrimaryKeyIsTheTablesKey() {
    SqlCreateTable table =
        (SqlCreateTable) parser.parseStatement("CREATE TABLE t (id INT PRIMARY KEY NOT ENFORCED)");
    assertThat(table.primaryKey().orElseThrow().columnNames()).containsExactly("id");
    assertThat(table.constraints()).isEmpty();
  }

  @Test
  void insertStaysACalciteInsert() {
    SqlStromInsert insert =
        (SqlStromInsert)
            parser.parseStatement("INSERT OVERWRITE t PARTITION (dt = '1') (a) SELECT 1");
    assertThat(insert.getKind()).isEqualTo(SqlKind.INSERT);
    assertThat(insert.isOverwrite()).isTrue();
    assertThat(insert.getTargetColumnList()).hasSize(1);
    assertThat(((SqlKeyValue) insert.staticPartition().get(0)).valueString()).isEqualTo("1");
  }

  @Test
  void wordsStromAddsStayUsableAsNames() {
    SqlNode node =
        parser.parseStatement(
            "SELECT watermark, metadata, string, jobs, comment, uuid, `if` FROM tables");
    assertThat(node).isInstanceOf(SqlSelect.class);
  }

  @Test
  void calciteSetOptionSyntaxStillParses() {
    assertThat(parser.parseStatement("SET x = 1").getKind()).isEqualTo(SqlKind.SET_OPTION);
    assertThat(parser.parseStatement("RESET ALL").getKind()).isEqualTo(SqlKind.SET_OPTION);
  }

  @Test
  void toSqlQuotesOnlyWhatNeedsQuoting() {
    SqlNode node = parser.parseStatement("SELECT `user`, `my col`, plain, `Mixed` FROM t");
    assertThat(StromSqlParser.toSql(node))
        .isEqualTo("SELECT `user`, `my col`, plain, Mixed\nFROM t");
  }
}
