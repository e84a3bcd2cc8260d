package io.strom.sql.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.data.RowKind;
import java.util.List;
import org.jline.reader.ParsedLine;
import org.junit.jupiter.api.Test;

/** The shell's pieces that need no terminal: completion, line splitting, error marks, results. */
class CliShellPartsTest {

  /** A session with one catalog, one database and a table {@code orders(id, amount)}. */
  private static final SessionMetadata METADATA =
      new SessionMetadata() {
        @Override
        public List<String> catalogs() {
          return List.of("default_catalog");
        }

        @Override
        public List<String> databases(String catalog) {
          return catalog.equals("default_catalog") ? List.of("default_database") : List.of();
        }

        @Override
        public List<String> tables() {
          return List.of("orders");
        }

        @Override
        public List<String> tables(String catalog, String database) {
          return database.equals("default_database") ? List.of("orders") : List.of();
        }

        @Override
        public List<String> columns(List<String> table) {
          return table.get(table.size() - 1).equals("orders") ? List.of("id", "amount") : List.of();
        }

        @Override
        public List<String> functions() {
          return List.of("UPPER", "UNIX_TIMESTAMP");
        }

        @Override
        public List<String> optionKeys() {
          return List.of("table.exec.state.ttl", "parallelism.default");
        }
      };

  private final SqlCompleter completer = new SqlCompleter(METADATA);

  @Test
  void completesKeywordsAndFunctionsInTheCaseTyped() {
    assertThat(completer.candidates("sel", List.of("sel"))).containsExactly("select");
    assertThat(completer.candidates("UP", List.of("UP"))).containsExactly("UPPER");
  }

  @Test
  void completesColumnsOfTablesTheStatementNames() {
    assertThat(completer.candidates("am", List.of("SELECT", "am", "FROM", "orders")))
        .containsExactly("amount");
    assertThat(completer.candidates("orders.", List.of("orders.")))
        .containsExactly("orders.id", "orders.amount");
  }

  @Test
  void completesCatalogsDatabasesAndTablesByPart() {
    assertThat(completer.candidates("default_c", List.of())).containsExactly("default_catalog.");
    assertThat(completer.candidates("default_catalog.", List.of()))
        .containsExactly("default_catalog.default_database.");
    assertThat(completer.candidates("default_catalog.default_database.o", List.of()))
        .containsExactly("default_catalog.default_database.orders");
  }

  @Test
  void completesQuotedOptionKeys() {
    assertThat(completer.candidates("'table.", List.of("SET", "'table.")))
        .containsExactly("'table.exec.state.ttl'");
  }

  @Test
  void lineParserKeepsQuotesAndDotsInWords() {
    ParsedLine line = new SqlLineParser().parse("SET 'table.exec", 15, null);
    assertThat(line.word()).isEqualTo("'table.exec");
    ParsedLine select = new SqlLineParser().parse("SELECT a,orders.i FROM orders", 17, null);
    assertThat(select.word()).isEqualTo("orders.i");
    assertThat(select.words()).contains("SELECT", "a", "FROM", "orders");
    ParsedLine empty = new SqlLineParser().parse("SELECT ", 7, null);
    assertThat(empty.word()).isEmpty();
  }

  @Test
  void errorMarkPutsACaretUnderTheColumn() {
    assertThat(ErrorMarker.mark("SELECT a,\n\tnope FROM t;", 2, 2))
        .containsExactly(" nope FROM t;", " ^");
    assertThat(ErrorMarker.mark("SELECT 1;", 0, 0)).isEmpty();
    assertThat(ErrorMarker.mark("SELECT 1;", 5, 1)).isEmpty();
  }

  @Test
  void highlighterColoursKeywordsStringsAndComments() {
    String ansi = SqlHighlighter.highlight("select 'a' -- note").toAnsi();
    assertThat(ansi)
        .containsPattern("\u001b\\[34;1mselect")
        .containsPattern("\u001b\\[[0-9;]*32m'a'");
    assertThat(SqlHighlighter.highlight("select 'a' -- note").toString())
        .isEqualTo("select 'a' -- note");
  }

  @Test
  void materializedTableUpdatesRowsInPlace() {
    MaterializedTable table = new MaterializedTable(100);
    table.apply(RowKind.INSERT, new String[] {"a", "1"});
    table.apply(RowKind.INSERT, new String[] {"b", "1"});
    table.apply(RowKind.UPDATE_BEFORE, new String[] {"a", "1"});
    table.apply(RowKind.UPDATE_AFTER, new String[] {"a", "2"});
    assertThat(table.rows()).containsExactly(new String[] {"a", "2"}, new String[] {"b", "1"});
    table.apply(RowKind.DELETE, new String[] {"b", "1"});
    assertThat(table.rows()).containsExactly(new String[] {"a", "2"});
    assertThat(table.size()).isEqualTo(1);
  }

  @Test
  void materializedTableKeepsTheNewestRowsWhenFull() {
    MaterializedTable table = new MaterializedTable(2);
    for (int i = 0; i < 5000; i++) {
      table.apply(RowKind.INSERT, new String[] {Integer.toString(i)});
    }
    assertThat(table.rows()).containsExactly(new String[] {"4998"}, new String[] {"4999"});
    table.apply(RowKind.DELETE, new String[] {"0"});
    assertThat(table.size()).isEqualTo(2);
  }
}
