package io.strom.planner.connectors;

import static io.strom.planner.connectors.KafkaSqlTesting.rows;
import static io.strom.planner.connectors.KafkaSqlTesting.materialized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.configuration.Configuration;
import io.strom.connector.kafka.KafkaTestBroker;
import io.strom.connector.kafka.KafkaTestBroker.TestRecord;
import io.strom.planner.session.SqlSession;
import io.strom.format.avro.AvroSchemas;
import io.strom.types.DataTypes;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The avro, raw, debezium-json and canal-json formats over the kafka connector, through SQL. */
class KafkaFormatsSqlTest {
  private static final KafkaTestBroker BROKER = KafkaTestBroker.shared();
  private final SqlSession session = new SqlSession(new Configuration());

  @BeforeEach
  void oneSubtask() {
    session.execute("SET 'parallelism.default' = '1'");
  }

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  private String table(String name, String columns, String topic, String format) {
    return KafkaTableDdl.kafka(BROKER, name, columns, topic).bounded().with(format).sql();
  }

  @Test
  void avroRoundTripsNestedValuesAndNullsThroughKafka() throws Exception {
    String in = BROKER.newTopic("avro-in", 1);
    String out = BROKER.newTopic("avro-out", 1);
    String columns = "id BIGINT, price DECIMAL(10, 2), tags ARRAY<STRING>,"
        + " attrs MAP<STRING, INT>, address ROW<city STRING, zip INT>";
    session.execute(table("src", columns, in, "'format' = 'avro'"));
    session.execute(table("dst", columns, out, "'format' = 'avro'"));
    // Records written by Avro's own writer with the schema derived from the table.
    Schema schema = AvroSchemas.of(DataTypes.ROW(
        DataTypes.FIELD("id", DataTypes.BIGINT()),
        DataTypes.FIELD("price", DataTypes.DECIMAL(10, 2)),
        DataTypes.FIELD("tags", DataTypes.ARRAY(DataTypes.STRING())),
        DataTypes.FIELD("attrs", DataTypes.MAP(DataTypes.STRING(), DataTypes.INT())),
        DataTypes.FIELD("address", DataTypes.ROW(
            DataTypes.FIELD("city", DataTypes.STRING()), DataTypes.FIELD("zip", DataTypes.INT())))));
    Schema addressSchema = schema.getField("address").schema().getTypes().get(1);
    GenericData.Record address = new GenericData.Record(addressSchema);
    address.put("city", "Oslo");
    GenericData.Record full = new GenericData.Record(schema);
    full.put("id", 1L);
    full.put("price", ByteBuffer.wrap(new BigDecimal("9.99").unscaledValue().toByteArray()));
    full.put("tags", Arrays.asList("a", null));
    full.put("attrs", Map.of("k", 1));
    full.put("address", address);
    GenericData.Record empty = new GenericData.Record(schema);
    empty.put("id", 2L);
    BROKER.produceBytes(in, 0, List.of(avro(schema, full), avro(schema, empty)));

    session.execute("INSERT INTO dst SELECT * FROM src");

    assertThat(rows(session.execute("SELECT * FROM dst"))).containsExactly(
        "+I[1, 9.99, [a, null], {k=1}, +I[Oslo, null]]",
        "+I[2, null, null, null, null]");
  }

  private static byte[] avro(Schema schema, GenericData.Record record) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericData.Record>(schema).write(record, encoder);
    encoder.flush();
    return bytes.toByteArray();
  }

  @Test
  void badAvroRecordNamesItsOffsetUnlessIgnored() {
    String topic = BROKER.newTopic("avro-bad", 1);
    session.execute(table("t", "id BIGINT", topic, "'format' = 'avro'"));
    session.execute("INSERT INTO t VALUES (1)");
    BROKER.produceValues(topic, 0, "not avro at all");
    session.execute("INSERT INTO t VALUES (3)");

    assertThatThrownBy(() -> session.execute("SELECT * FROM t"))
        .hasMessageContaining("offset 1 of partition 0 of topic '" + topic + "'")
        .hasMessageContaining("'avro.ignore-parse-errors'");
    session.execute("ALTER TABLE t SET ('avro.ignore-parse-errors' = 'true')");
    assertThat(rows(session.execute("SELECT * FROM t"))).containsExactly("+I[1]", "+I[3]");
  }

  @Test
  void rawReadsAndWritesOneStringColumn() {
    String in = BROKER.newTopic("raw-in", 1);
    String out = BROKER.newTopic("raw-out", 1);
    BROKER.produceValues(in, 0, "first line", "second line");
    session.execute(table("lines", "line STRING", in, "'format' = 'raw'"));
    session.execute(table("upper_lines", "line STRING", out, "'format' = 'raw'"));

    session.execute("INSERT INTO upper_lines SELECT UPPER(line) FROM lines");

    assertThat(BROKER.readValues(out, false)).containsExactly("FIRST LINE", "SECOND LINE");
  }

  @Test
  void debeziumTopicReadsAsAnUpdatingTable() {
    String topic = BROKER.newTopic("cdc-in", 1);
    BROKER.produce(topic, List.of(
        TestRecord.of(0, "{\"before\":null,\"after\":{\"id\":1,\"color\":\"red\"},\"op\":\"r\"}"),
        TestRecord.of(0, "{\"before\":null,\"after\":{\"id\":2,\"color\":\"red\"},\"op\":\"c\"}"),
        TestRecord.of(0, "{\"before\":{\"id\":1,\"color\":\"red\"},\"after\":{\"id\":1,\"color\":\"blue\"},\"op\":\"u\"}"),
        TestRecord.of(0, "{\"before\":{\"id\":2,\"color\":\"red\"},\"after\":null,\"op\":\"d\"}")));
    session.execute(table("items", "id INT, color STRING", topic, "'format' = 'debezium-json'"));

    assertThat(rows(session.execute("SELECT * FROM items"))).containsExactly(
        "+I[1, red]", "+I[2, red]", "-U[1, red]", "+U[1, blue]", "-D[2, red]");
    assertThat(materialized(session.execute("SELECT color, COUNT(*) FROM items GROUP BY color")))
        .containsExactly("+I[blue, 1]");
  }

  @Test
  void canalTopicReadsAsAnUpdatingTable() {
    String topic = BROKER.newTopic("canal-in", 1);
    BROKER.produceValues(topic, 0,
        "{\"data\":[{\"id\":\"1\",\"color\":\"red\"},{\"id\":\"2\",\"color\":\"red\"}],\"type\":\"INSERT\"}",
        "{\"data\":[{\"id\":\"1\",\"color\":\"blue\"}],\"old\":[{\"color\":\"red\"}],\"type\":\"UPDATE\"}",
        "{\"data\":[{\"id\":\"2\",\"color\":\"red\"}],\"type\":\"DELETE\"}");
    session.execute(table("items", "id INT, color STRING", topic, "'format' = 'canal-json'"));

    assertThat(rows(session.execute("SELECT * FROM items"))).containsExactly(
        "+I[1, red]", "+I[2, red]", "-U[1, red]", "+U[1, blue]", "-D[2, red]");
    assertThat(materialized(session.execute("SELECT color, COUNT(*) FROM items GROUP BY color")))
        .containsExactly("+I[blue, 1]");
  }

  @Test
  void updatingResultWrittenAsDebeziumReadsBackToTheSameTable() {
    String in = BROKER.newTopic("cdc-src", 1);
    String out = BROKER.newTopic("cdc-out", 1);
    BROKER.produceValues(in, 0,
        "{\"k\":\"a\"}", "{\"k\":\"b\"}", "{\"k\":\"a\"}", "{\"k\":\"a\"}");
    session.execute(table("clicks", "k STRING", in, "'format' = 'json'"));
    session.execute(table("counts", "k STRING, n BIGINT", out, "'format' = 'debezium-json'"));

    session.execute("INSERT INTO counts SELECT k, COUNT(*) FROM clicks GROUP BY k");

    assertThat(BROKER.readValues(out, false)).startsWith(
        "{\"before\":null,\"after\":{\"k\":\"a\",\"n\":1},\"op\":\"c\"}",
        "{\"before\":null,\"after\":{\"k\":\"b\",\"n\":1},\"op\":\"c\"}",
        "{\"before\":{\"k\":\"a\",\"n\":1},\"after\":null,\"op\":\"d\"}");
    assertThat(materialized(session.execute("SELECT * FROM counts")))
        .containsExactlyInAnyOrder("+I[a, 3]", "+I[b, 1]");
  }

  @Test
  void plainJsonSinkRefusesAnUpdatingQuery() {
    String in = BROKER.newTopic("json-src", 1);
    session.execute(table("clicks", "k STRING", in, "'format' = 'json'"));
    session.execute(table("counts", "k STRING, n BIGINT", in, "'format' = 'json'"));

    assertThatThrownBy(() -> session.execute("INSERT INTO counts SELECT k, COUNT(*) FROM clicks GROUP BY k"))
        .hasMessageContaining("accepts changes [I]");
  }
}
