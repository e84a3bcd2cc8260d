package io.strom.format.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.strom.connector.ChangelogMode;
import io.strom.connector.DecoderContext;
import io.strom.connector.RowCollector;
import io.strom.connector.RowDecodeException;
import io.strom.connector.RowDecoder;
import io.strom.data.GenericRow;
import io.strom.data.RowKind;
import io.strom.format.MalformedRecords;
import io.strom.types.RowType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decodes Canal's change messages in JSON into changelog rows. A message holds rows of one
 * statement in {@code data}: {@code INSERT} gives {@code +I} per row, {@code DELETE} {@code -D},
 * and {@code UPDATE} {@code -U} and {@code +U} per row, the before-image being the row with the
 * fields listed in {@code old} (only the changed ones) put back. DDL messages ({@code isDdl}) and
 * messages of databases or tables the options exclude give no rows.
 *
 * <p>Read with Jackson's streaming parser; the field presence that {@code old} needs comes from
 * the row reader.
 */
final class CanalJsonRowDecoder implements RowDecoder {
  private static final long serialVersionUID = 1L;

  private final JsonValueReader rowReader;
  private final int arity;
  private final String databaseInclude;
  private final String tableInclude;
  private final MalformedRecords malformed;
  private transient Pattern databases;
  private transient Pattern tables;

  /** One message's fields that matter. */
  private static final class Message {
    final List<GenericRow> data = new ArrayList<>();
    final List<boolean[]> oldFields = new ArrayList<>();
    final List<GenericRow> old = new ArrayList<>();
    String type;
    String database;
    String table;
    boolean ddl;
  }

  /** @param databaseInclude a regular expression of databases to read, or null for all */
  CanalJsonRowDecoder(RowType physicalType, JsonSpec spec, String databaseInclude, String tableInclude) {
    this.rowReader = new JsonValueReader(physicalType, "", false);
    this.arity = physicalType.fieldCount();
    this.databaseInclude = databaseInclude;
    this.tableInclude = tableInclude;
    this.malformed = new MalformedRecords("Canal JSON", spec.ignoreParseErrors());
  }

  @Override
  public void open(DecoderContext context) {
    malformed.open(context);
  }

  @Override
  public void decode(byte[] bytes, int offset, int length, RowCollector out)
      throws RowDecodeException {
    try {
      Message message = parse(bytes, offset, length);
      if (message != null && !message.ddl && included(message)) {
        emitChanges(message, out);
      }
    } catch (RowDecodeException e) {
      malformed.handle(e);
    }
  }

  private boolean included(Message message) {
    if (databases == null && databaseInclude != null) {
      databases = Pattern.compile(databaseInclude);
    }
    if (tables == null && tableInclude != null) {
      tables = Pattern.compile(tableInclude);
    }
    return (databases == null || (message.database != null && databases.matcher(message.database).matches()))
        && (tables == null || (message.table != null && tables.matcher(message.table).matches()));
  }

  private void emitChanges(Message message, RowCollector out) throws RowDecodeException {
    if (message.type == null) {
      throw new RowDecodeException("the Canal message has no 'type' field");
    }
    switch (message.type) {
      case "INSERT" -> emitAll(message.data, RowKind.INSERT, out);
      case "DELETE" -> emitAll(message.data, RowKind.DELETE, out);
      case "UPDATE" -> {
        if (message.old.size() != message.data.size()) {
          throw new RowDecodeException(
              "the Canal UPDATE message has " + message.data.size() + " rows in 'data' but "
                  + message.old.size() + " in 'old'");
        }
        for (int i = 0; i < message.data.size(); i++) {
          GenericRow after = message.data.get(i);
          GenericRow before = after.shallowCopy();
          boolean[] changed = message.oldFields.get(i);
          for (int f = 0; f < arity; f++) {
            if (changed[f]) {
              before.setField(f, message.old.get(i).getField(f));
            }
          }
          before.setKind(RowKind.UPDATE_BEFORE);
          out.collect(before);
          after.setKind(RowKind.UPDATE_AFTER);
          out.collect(after);
        }
      }
      default -> throw new RowDecodeException(
          "unknown Canal message type '" + message.type + "' (expected INSERT, UPDATE or DELETE)");
    }
  }

  private static void emitAll(List<GenericRow> rows, RowKind kind, RowCollector out) {
    for (GenericRow row : rows) {
      row.setKind(kind);
      out.collect(row);
    }
  }

  /** The message's fields; null for an empty record. */
  private Message parse(byte[] bytes, int offset, int length) throws RowDecodeException {
    try (JsonParser p = JsonText.FACTORY.createParser(bytes, offset, length)) {
      JsonToken token = p.nextToken();
      if (token == null) {
        return null;
      }
      if (token != JsonToken.START_OBJECT) {
        throw new RowDecodeException("expected a JSON object but got " + JsonText.describe(p, token));
      }
      Message message = new Message();
      String name;
      while ((name = p.nextFieldName()) != null) {
        token = p.nextToken();
        switch (name) {
          case "data" -> readRows(p, token, "data", message.data, null);
          case "old" -> readRows(p, token, "old", message.old, message.oldFields);
          case "type" -> message.type = text(p, token);
          case "database" -> message.database = text(p, token);
          case "table" -> message.table = text(p, token);
          case "isDdl" -> message.ddl = token == JsonToken.VALUE_TRUE;
          default -> p.skipChildren();
        }
      }
      return message;
    } catch (JsonProcessingException e) {
      throw new RowDecodeException("malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new RowDecodeException("could not read JSON: " + e.getMessage(), e);
    }
  }

  /** Reads an array of row objects; {@code presence} (if given) gets the fields each one had. */
  private void readRows(
      JsonParser p, JsonToken token, String field, List<GenericRow> rows, List<boolean[]> presence)
      throws IOException, RowDecodeException {
    if (token == JsonToken.VALUE_NULL) {
      return;
    }
    if (token != JsonToken.START_ARRAY) {
      throw new RowDecodeException(
          "the Canal field '" + field + "' must be an array of rows but is " + JsonText.describe(p, token));
    }
    while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.START_OBJECT) {
        throw new RowDecodeException(
            "the Canal field '" + field + "' holds " + JsonText.describe(p, token) + ", not a row");
      }
      GenericRow row = new GenericRow(arity);
      boolean[] seen = new boolean[arity];
      rowReader.readFields(p, row, seen);
      rows.add(row);
      if (presence != null) {
        presence.add(seen);
      }
    }
  }

  private static String text(JsonParser p, JsonToken token) throws IOException {
    return token == JsonToken.VALUE_NULL ? null : p.getValueAsString();
  }

  @Override
  public ChangelogMode changelogMode() {
    return ChangelogMode.all();
  }
}
