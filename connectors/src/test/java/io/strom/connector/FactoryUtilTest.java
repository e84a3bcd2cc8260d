package io.strom.connector;

import io.strom.util.Suggestions;
import static io.strom.connector.ConnectorTesting.sink;
import static io.strom.connector.ConnectorTesting.source;
import static io.strom.types.DataTypes.BIGINT;
import static io.strom.types.DataTypes.FIELD;
import static io.strom.types.DataTypes.ROW;
import static io.strom.types.DataTypes.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.connector.datagen.DataGenTableSourceFactory;
import io.strom.connector.filesystem.FileSystemTableFactory;
import io.strom.data.RowKind;
import io.strom.format.csv.CsvFormatFactory;
import io.strom.format.json.JsonFormatFactory;
import io.strom.types.RowType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactoryUtilTest {
  private static final RowType TYPE = ROW(FIELD("id", BIGINT()), FIELD("name", STRING()));
  private static final ClassLoader LOADER = FactoryUtilTest.class.getClassLoader();

  @Test
  void discoversEveryConnectorAndFormatThroughServiceLoader() {
    assertThat(FactoryUtil.discoverFactory(LOADER, DynamicTableSourceFactory.class, "datagen"))
        .isInstanceOf(DataGenTableSourceFactory.class);
    assertThat(FactoryUtil.discoverFactory(LOADER, DynamicTableSinkFactory.class, "filesystem"))
        .isInstanceOf(FileSystemTableFactory.class);
    assertThat(FactoryUtil.discoverFactory(LOADER, DecodingFormatFactory.class, "csv"))
        .isInstanceOf(CsvFormatFactory.class);
    assertThat(FactoryUtil.discoverFactory(LOADER, EncodingFormatFactory.class, "json"))
        .isInstanceOf(JsonFormatFactory.class);
    assertThat(FactoryUtil.identifiers(LOADER, true))
        .containsExactly("blackhole", "datagen", "filesystem", "kafka", "nexmark", "print", "upsert-kafka");
    assertThat(FactoryUtil.identifiers(LOADER, false))
        .containsExactly("avro", "canal-json", "csv", "debezium-json", "json", "raw");
  }

  @Test
  void unknownConnectorListsTheAvailableOnesAndSuggestsTheClosest() {
    assertThatThrownBy(() -> source(TYPE, Map.of("connector", "datagne")))
        .isInstanceOf(ConnectorException.class)
        .hasMessage("Could not find any factory for 'connector' = 'datagne'. Available: blackhole,"
            + " datagen, filesystem, kafka, nexmark, print, upsert-kafka. Did you mean 'datagen'?");
  }

  @Test
  void unknownConnectorFarFromAnyNameGetsNoSuggestion() {
    assertThatThrownBy(() -> source(TYPE, Map.of("connector", "pulsar")))
        .hasMessage("Could not find any factory for 'connector' = 'pulsar'. Available: blackhole,"
            + " datagen, filesystem, kafka, nexmark, print, upsert-kafka.");
  }

  @Test
  void sinkOnlyConnectorCannotBeScanned() {
    assertThatThrownBy(() -> source(TYPE, Map.of("connector", "print")))
        .isInstanceOf(ConnectorException.class)
        .hasMessage("The connector 'print' cannot be used as a source. Available for this use:"
            + " datagen, filesystem, kafka, nexmark, upsert-kafka.");
  }

  @Test
  void tableWithoutConnectorSaysWhichOptionIsMissing() {
    assertThatThrownBy(() -> source(TYPE, Map.of("path", "/tmp")))
        .hasMessageStartingWith("Table 'default_catalog.default_database.t' has no 'connector' option");
  }

  @Test
  void missingRequiredOptionsAreNamed() {
    assertThatThrownBy(() -> source(TYPE, Map.of("connector", "filesystem", "format", "csv")))
        .isInstanceOf(ConnectorException.class)
        .hasMessage("Missing required options for connector 'filesystem': path.");
  }

  @Test
  void unknownOptionGetsTheClosestSuggestionAndTheSupportedList() {
    assertThatThrownBy(() -> source(TYPE, Map.of("connector", "datagen", "rows-per-sec", "5")))
        .isInstanceOf(ConnectorException.class)
        .hasMessageStartingWith("Unsupported option 'rows-per-sec' for connector 'datagen'. Did you"
            + " mean 'rows-per-second'? Supported options: connector, fields.#.end, fields.#.kind,")
        .hasMessageContaining("number-of-rows, rows-per-second.");
  }

  @Test
  void severalUnknownOptionsAreReportedTogether() {
    assertThatThrownBy(() -> sink(TYPE, Map.of("connector", "print", "print-identifer", "x", "colour", "red")))
        .hasMessageStartingWith("Unsupported options for connector 'print': 'colour', 'print-identifer'"
            + " (did you mean 'print-identifier'?). Supported options: connector, print-identifier,"
            + " sink.parallelism, standard-error.");
  }

  @Test
  void valueThatDoesNotParseNamesTheKeyAndTheExpectedForm() {
    assertThatThrownBy(() -> source(TYPE, Map.of("connector", "datagen", "rows-per-second", "fast")))
        .isInstanceOf(ConnectorException.class)
        .hasMessage("Invalid value 'fast' for option 'rows-per-second' of connector 'datagen':"
            + " expected a whole number.");
    assertThatThrownBy(() -> sink(TYPE, Map.of("connector", "print", "standard-error", "yes")))
        .hasMessage("Invalid value 'yes' for option 'standard-error' of connector 'print':"
            + " expected 'true' or 'false'.");
  }

  @Test
  void formatOptionsAreValidatedUnderTheirPrefix() {
    Map<String, String> misspelt = Map.of(
        "connector", "filesystem", "path", "/tmp/x", "format", "csv", "csv.field-delimitr", ";");
    assertThatThrownBy(() -> source(TYPE, misspelt))
        .hasMessageStartingWith("Unsupported option 'csv.field-delimitr' for connector 'filesystem'"
            + " with format 'csv'. Did you mean 'csv.field-delimiter'?")
        .hasMessageContaining("csv.allow-comments");

    Map<String, String> twoChars = Map.of(
        "connector", "filesystem", "path", "/tmp/x", "format", "csv", "csv.field-delimiter", ";;");
    assertThatThrownBy(() -> source(TYPE, twoChars))
        .hasMessage("Invalid value ';;' for option 'csv.field-delimiter' of format 'csv': expected"
            + " a single ASCII character other than a line break (or '\\t' for a tab).");

    Map<String, String> badEnum = Map.of("connector", "filesystem", "path", "/tmp/x",
        "format", "json", "json.timestamp-format.standard", "RFC");
    assertThatThrownBy(() -> sink(TYPE, badEnum))
        .hasMessage("Invalid value 'RFC' for option 'json.timestamp-format.standard' of format"
            + " 'json': expected one of 'SQL', 'ISO-8601'.");
  }

  @Test
  void optionsOfAnotherFormatAreUnsupported() {
    Map<String, String> options = Map.of(
        "connector", "filesystem", "path", "/tmp/x", "format", "csv", "json.ignore-parse-errors", "true");
    assertThatThrownBy(() -> source(TYPE, options))
        .hasMessageStartingWith("Unsupported option 'json.ignore-parse-errors' for connector"
            + " 'filesystem' with format 'csv'.");
  }

  @Test
  void unknownFormatIsReportedLikeAnUnknownConnector() {
    Map<String, String> options = Map.of("connector", "filesystem", "path", "/tmp/x", "format", "cvs");
    assertThatThrownBy(() -> source(TYPE, options))
        .hasMessage("Could not find any factory for 'format' = 'cvs'. Available: avro, canal-json, csv,"
            + " debezium-json, json, raw."
            + " Did you mean 'csv'?");
  }

  @Test
  void datagenFieldOptionForAMissingColumnNamesTheColumn() {
    assertThatThrownBy(() -> source(TYPE, Map.of("connector", "datagen", "fields.nme.kind", "sequence")))
        .isInstanceOf(ConnectorException.class)
        .hasMessage("Unsupported option 'fields.nme.kind' for connector 'datagen': there is no column"
            + " 'nme' (columns: id, name). Did you mean 'fields.name.kind'?");
    assertThatThrownBy(() -> source(TYPE, Map.of("connector", "datagen", "fields.id.knd", "sequence")))
        .hasMessageStartingWith("Unsupported option 'fields.id.knd' for connector 'datagen':"
            + " per-column options are 'fields.<column>.<option>'")
        .hasMessageEndingWith("Did you mean 'fields.id.kind'?");
  }

  @Test
  void changelogModesPrintAsFlinksExplain() {
    assertThat(ChangelogMode.insertOnly()).hasToString("[I]");
    assertThat(ChangelogMode.all()).hasToString("[I,UB,UA,D]");
    assertThat(ChangelogMode.upsert()).hasToString("[I,UA,D]");
    assertThat(ChangelogMode.insertOnly().containsOnly(RowKind.INSERT)).isTrue();
    assertThat(ChangelogMode.upsert().containsOnly(RowKind.INSERT)).isFalse();
    assertThat(ChangelogMode.all().without(RowKind.UPDATE_BEFORE)).isEqualTo(ChangelogMode.upsert());
  }

  @Test
  void sinksDeclareTheChangesTheyAccept() {
    TableSink print = sink(TYPE, Map.of("connector", "print"));
    TableSink blackhole = sink(TYPE, Map.of("connector", "blackhole"));
    TableSink files = sink(TYPE, Map.of("connector", "filesystem", "path", "/tmp/x", "format", "json"));
    assertThat(print.changelogMode(ChangelogMode.all())).isEqualTo(ChangelogMode.all());
    assertThat(blackhole.changelogMode(ChangelogMode.all())).isEqualTo(ChangelogMode.upsert());
    assertThat(files.changelogMode(ChangelogMode.all())).isEqualTo(ChangelogMode.insertOnly());
    assertThat(files.summary()).isEqualTo("filesystem(path=/tmp/x, format=json)");
  }

  @Test
  void suggestionsCoverTyposButNotUnrelatedNames() {
    assertThat(Suggestions.closest("kafak", java.util.List.of("kafka", "print"))).contains("kafka");
    assertThat(Suggestions.closest("xyz", java.util.List.of("kafka", "print"))).isEmpty();
    assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
  }
}
