package io.strom.api.typeinfo;

import static io.strom.serde.SerdeTestUtil.roundTrip;
import static io.strom.serde.SerdeTestUtil.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.tuple.Tuple2;
import io.strom.api.tuple.Tuple3;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.serde.DynamicSerializer;
import io.strom.serde.PojoSerializer;
import io.strom.serde.RecordSerializer;
import io.strom.serde.TypeSerializer;
import io.strom.types.DataTypes;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class TypesTest {

  enum Side {
    BUY,
    SELL {
      @Override
      public String toString() {
        return "sell";
      }
    }
  }

  record Trade(long id, String symbol, Double price, Side side, List<String> tags) {}

  record Node(int value, Node next) {}

  /** A POJO with public fields. */
  public static class Order {
    public long id;
    public String item;
    public Integer quantity;

    public Order() {}

    Order(long id, String item, Integer quantity) {
      this.id = id;
      this.item = item;
      this.quantity = quantity;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Order other && id == other.id && Objects.equals(item, other.item)
          && Objects.equals(quantity, other.quantity);
    }

    @Override
    public int hashCode() {
      return Objects.hash(id, item, quantity);
    }
  }

  /** A POJO with private fields behind getters and setters, extending another POJO. */
  public static class Customer extends Base {
    private String name;
    private boolean vip;

    public Customer() {}

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public boolean isVip() {
      return vip;
    }

    public void setVip(boolean vip) {
      this.vip = vip;
    }
  }

  /** The parent of {@link Customer}. */
  public static class Base {
    public int region;
  }

  /** Not a POJO (final field) and not serializable. */
  static final class Opaque {
    final int x = 1;
  }

  /** Not a POJO but serializable: the last resort applies. */
  static final class Legacy implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String value;

    Legacy(String value) {
      this.value = value;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Legacy other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
      return value.hashCode();
    }
  }

  private final DynamicSerializer dynamic = new DynamicSerializer();

  @Test
  void picksBasicSerializersForBoxedAndPrimitiveClasses() {
    assertThat(Types.of(Integer.class)).isSameAs(Types.INT);
    assertThat(Types.of(int.class).typeClass()).isEqualTo(Integer.class);
    assertThat(Types.of(String.class)).isSameAs(Types.STRING);
    assertThat(roundTrip(Types.of(byte[].class).createSerializer(), new byte[] {1, 2}))
        .containsExactly(1, 2);
    assertThat(roundTrip(Types.CHAR.createSerializer(), 'ß')).isEqualTo('ß');
    assertThat(roundTrip(Types.FLOAT.createSerializer(), 1.25f)).isEqualTo(1.25f);
    assertThat(roundTrip(Types.SHORT.createSerializer(), (short) -2)).isEqualTo((short) -2);
    assertThat(roundTrip(Types.BYTE.createSerializer(), (byte) 9)).isEqualTo((byte) 9);
    assertThat(write(Types.of(Long.class).createSerializer(), 1L)).hasSize(8);
  }

  @Test
  void enumsTravelAsOneByteOrdinal() {
    TypeSerializer<Side> serializer = Types.of(Side.class).createSerializer();
    assertThat(write(serializer, Side.SELL)).hasSize(1);
    assertThat(roundTrip(serializer, Side.SELL)).isSameAs(Side.SELL);
  }

  @Test
  void recordsRoundTripThroughTheirCanonicalConstructorWithNullComponents() {
    TypeInfo<Trade> type = Types.of(Trade.class);
    Trade trade = new Trade(1, "ACME", null, Side.BUY, List.of("x", "y"));
    Trade partial = new Trade(2, null, 9.5, null, null);

    assertThat(type.createSerializer()).isInstanceOf(RecordSerializer.class);
    assertThat(roundTrip(type.createSerializer(), trade)).isEqualTo(trade);
    assertThat(roundTrip(type.createSerializer(), partial)).isEqualTo(partial);
  }

  @Test
  void selfReferencingRecordsDoNotRecurseForever() {
    Node list = new Node(1, new Node(2, new Node(3, null)));
    assertThat(roundTrip(Types.of(Node.class).createSerializer(), list)).isEqualTo(list);
  }

  @Test
  void pojosWithPublicFieldsRoundTripAndCopyIndependently() {
    TypeSerializer<Order> serializer = Types.of(Order.class).createSerializer();
    Order order = new Order(7, "book", null);

    assertThat(serializer).isInstanceOf(PojoSerializer.class);
    assertThat(roundTrip(serializer, order)).isEqualTo(order);
    Order copy = serializer.copy(order);
    order.item = "changed";
    assertThat(copy.item).isEqualTo("book");
  }

  @Test
  void pojosWithGettersAndSettersIncludeInheritedFields() {
    Customer customer = new Customer();
    customer.setName("Ada");
    customer.setVip(true);
    customer.region = 4;

    Customer read = roundTrip(Types.of(Customer.class).createSerializer(), customer);

    assertThat(read.getName()).isEqualTo("Ada");
    assertThat(read.isVip()).isTrue();
    assertThat(read.region).isEqualTo(4);
  }

  @Test
  void classesThatAreNeitherFallBackToTheGenericType() {
    assertThat(Types.of(Opaque.class)).isSameAs(Types.generic());
    assertThat(Types.of(ArrayList.class)).isSameAs(Types.generic());
  }

  @Test
  void declaredTuplesUseTheirFieldSerializersAndPrintAsFlink() {
    TypeInfo<Tuple2<String, Long>> type = Types.tuple(Types.STRING, Types.LONG);
    Tuple2<String, Long> pair = Tuple2.of("a", 1L);

    assertThat(pair).hasToString("(a,1)");
    assertThat(roundTrip(type.createSerializer(), pair)).isEqualTo(pair);
    assertThat(roundTrip(type.createSerializer(), Tuple2.of(null, 2L))).isEqualTo(Tuple2.of(null, 2L));
    assertThat(Tuple3.of(1, null, new int[] {1, 2})).hasToString("(1,null,[1, 2])");
    assertThatThrownBy(() -> Types.tuple(Types.INT)).hasMessageContaining("arity 1");
  }

  @Test
  void declaredRowTypeWritesBinaryRows() {
    TypeInfo<Row> type =
        Types.row(DataTypes.ROW(DataTypes.FIELD("a", DataTypes.STRING()), DataTypes.FIELD("b", DataTypes.INT())));
    Row read = roundTrip(type.createSerializer(), GenericRow.ofKind(RowKind.DELETE, "x", 3));

    assertThat(read.kind()).isEqualTo(RowKind.DELETE);
    assertThat(read.getString(0).toString()).isEqualTo("x");
    assertThat(read.getInt(1)).isEqualTo(3);
  }

  @Test
  void rowsWithoutADeclaredTypeKeepTheirFormAndValues() {
    GenericRow row = GenericRow.ofKind(RowKind.UPDATE_BEFORE, "a", 1, null, List.of(1.5), GenericRow.of(true));

    assertThat(roundTrip(Types.of(GenericRow.class).createSerializer(), row)).isEqualTo(row);
    assertThat(roundTrip(dynamic, row)).isEqualTo(row).hasToString("-U[a, 1, null, [1.5], +I[true]]");
  }

  @Test
  void dynamicSerializerWritesRecordsPojosAndTuplesWithoutJavaSerialization() {
    Trade trade = new Trade(1, "ACME", 2.0, Side.SELL, List.of("z"));
    Order order = new Order(3, "pen", 10);
    Tuple3<String, Trade, Order> tuple = Tuple3.of("t", trade, order);

    assertThat(roundTrip(dynamic, trade)).isEqualTo(trade);
    assertThat(roundTrip(dynamic, order)).isEqualTo(order);
    assertThat(roundTrip(dynamic, tuple)).isEqualTo(tuple);
    assertThat(roundTrip(dynamic, Side.SELL)).isSameAs(Side.SELL);
    byte[] bytes = write(dynamic, order);
    assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains(Order.class.getName())
        .doesNotContain("java.io");
  }

  @Test
  void dynamicSerializerFallsBackToJavaSerializationAndExplainsWhenItCannot() {
    Legacy legacy = new Legacy("old");
    assertThat(roundTrip(dynamic, legacy)).isEqualTo(legacy);
    assertThatThrownBy(() -> write(dynamic, new Opaque()))
        .hasMessageContaining(Opaque.class.getName())
        .hasMessageContaining("returns(...)");
  }

  @Test
  void dynamicSerializerCopiesMutableValues() {
    Order order = new Order(1, "a", 1);
    Order copy = (Order) dynamic.copy(order);
    order.item = "b";

    assertThat(copy.item).isEqualTo("a");
    assertThat(dynamic.copy("immutable")).isEqualTo("immutable");
  }
}
